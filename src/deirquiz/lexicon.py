"""The shared word lists (``data/lexicon.yaml``): one place, at the bottom of the import graph, for
the words several stages read, so that the next war is a data edit and not a code change."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@cache
def data_file(name: str) -> dict:
    """A shipped data file, read as plain strings (libyaml's BaseLoader: no 'NO' -> False)."""
    with open(DATA / name, encoding="utf-8") as f:
        loaded = yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    return loaded if isinstance(loaded, dict) else {}


@dataclass(frozen=True)
class Lexicon:
    leaning_starts: frozenset[str]
    droppable_openers: tuple[str, ...]  # longest first
    leaning_words: frozenset[str]
    pronouns: frozenset[str]
    plain_definites: frozenset[str]
    subject_kinds: frozenset[str]
    place_nouns: frozenset[str]
    report_words: frozenset[str]
    turning_verbs: frozenset[str]
    yielding_verbs: frozenset[str]  # "the Russian army withdrew": who lost
    progress_verbs: frozenset[str]
    before_sections: frozenset[str]
    after_sections: frozenset[str]
    memory_sections: frozenset[str]  # "Legacy": how it is remembered
    ordering_words: frozenset[str]
    modifiers: frozenset[str]
    apparatus_sections: frozenset[str]
    irregular_past: frozenset[str]
    headline_verbs: dict[str, str]  # present -> past: "falls" -> "fell"
    headline_passives: frozenset[str]  # "Kara Mustafa executed in Belgrade": was executed
    phase_heads: frozenset[str]  # "First French infantry attack": a heading naming a phase
    hands_verbs: frozenset[str]  # "took Tulagi", "saved Vienna": a place that changed hands
    agreement_heads: frozenset[str]  # "the Treaty of Paris", "the Peace of Prague": what ended it
    side_adjectives: tuple[tuple[str, str], ...]  # "Kingdom of Prussia" -> "Prussian"
    state_words: frozenset[str]  # the adjectives alone: "British", "Prussian"
    person_nouns: frozenset[str]  # "king", "general": a heading naming a person by office
    telling_sides: tuple[tuple[str, frozenset[str]], ...]  # war -> side words that name it
    war_side_names: tuple[tuple[str, dict[str, str]], ...]  # war -> {state: what it is called}
    wider_wars: dict[str, str]  # "Pacific War" -> "World War II"


@cache
def lexicon() -> Lexicon:
    raw = data_file("lexicon.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    openers = sorted({str(w).lower() for w in raw.get("droppable_openers") or []}, key=len)
    return Lexicon(
        leaning_starts=words("leaning_starts"),
        droppable_openers=tuple(reversed(openers)),
        leaning_words=words("leaning_words"),
        pronouns=words("pronouns"),
        plain_definites=words("plain_definites"),
        subject_kinds=words("subject_kinds"),
        place_nouns=words("place_nouns"),
        report_words=words("report_words"),
        turning_verbs=words("turning_verbs"),
        yielding_verbs=words("yielding_verbs"),
        progress_verbs=words("progress_verbs"),
        before_sections=words("before_sections"),
        after_sections=words("after_sections"),
        memory_sections=words("memory_sections"),
        ordering_words=words("ordering_words"),
        modifiers=words("modifiers"),
        apparatus_sections=words("apparatus_sections"),
        irregular_past=words("irregular_past"),
        headline_verbs={
            str(k).lower(): str(v) for k, v in (raw.get("headline_verbs") or {}).items()
        },
        headline_passives=words("headline_passives"),
        phase_heads=words("phase_heads"),
        agreement_heads=words("agreement_heads"),
        hands_verbs=words("hands_verbs"),
        person_nouns=words("person_nouns"),
        side_adjectives=tuple(
            (str(k), str(v)) for k, v in (raw.get("side_adjectives") or {}).items()
        ),
        state_words=frozenset(str(v) for v in (raw.get("side_adjectives") or {}).values()),
        wider_wars={str(k): str(v) for k, v in (raw.get("wider_wars") or {}).items()},
        war_side_names=tuple(
            (str(k), {str(a): str(b) for a, b in (v or {}).items()})
            for k, v in (raw.get("war_side_names") or {}).items()
        ),
        telling_sides=tuple(
            (str(k), frozenset(str(w).casefold() for w in v))
            for k, v in (raw.get("telling_sides") or {}).items()
        ),
    )
