"""How much of an article is read: caps far above any real article, so that a made-up one
(20,000 commanders, an order of battle 2,000 levels deep, a sentence of 100,000 dates) still
finishes in seconds. What lies past a cap is not read; the README lists them.

The real articles we have give at most 40 dated statements (10,000 characters of sentences), 17
commanders, 22 formations four levels deep, 9 combatants, 3 result points and sentences of 400
characters. What costs most at the caps is the PDF, whose time grows with the text it sets.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Article, Event, Fact

SENTENCE_CHARS = 1_000  # a longer "sentence" (a list run together) gives no dated statement
EVENTS = 300  # dated statements: the first 300 in reading order,
EVENT_CHARS = 60_000  # and no more once their sentences hold this many characters
STATEMENTS = 2_000  # sentences read for names to blank, in reading order (real ones: < 400)
RESULT_POINTS = 50  # the infobox result's dated bullet points
COMMANDERS = 150  # per article, in the infobox's order
COMBATANTS = 60
UNITS = 300
UNIT_DEPTH = 8  # levels of the order of battle: deeper lines are not read
FIGURE_LINES = 100  # casualty lines, and strength lines


def _field_lines(text: str, keep: int) -> str:
    return "\n".join(text.split("\n")[:keep])


def _units(text: str) -> str:
    """The first UNITS lines of an order of battle no deeper than UNIT_DEPTH."""
    kept = []
    for line in text.split("\n"):
        depth = len(line.strip()) - len(line.strip().lstrip("*"))
        if depth <= UNIT_DEPTH:
            kept.append(line)
        if len(kept) >= UNITS:
            break
    return "\n".join(kept)


def trim(article: Article) -> Article:
    """The article as far as it is read: each infobox list cut to its cap before any reader sees
    it, so that no reader's cost grows past what a cap allows."""
    import re

    cut = {}
    for name, f in article.infobox.items():
        kind = re.match(r"(commander|combatant|units|casualties|strength|result)", name)
        if not kind:
            continue
        text = f.text
        if kind.group(1) == "commander":
            text = _field_lines(text, 3 * COMMANDERS)
        elif kind.group(1) == "combatant":
            text = _field_lines(text, 3 * COMBATANTS)
        elif kind.group(1) == "units":
            text = _units(text)
        elif kind.group(1) == "result":
            text = _field_lines(text, RESULT_POINTS + 5)
        else:
            text = _field_lines(text, 2 * FIGURE_LINES)
        if text != f.text:
            cut[name] = replace(f, text=text)
    return replace(article, infobox={**article.infobox, **cut}) if cut else article


def cap_facts(facts: list[Fact]) -> list[Fact]:
    """At most the cap of each kind, the first ones in the infobox's order."""
    caps = {"commander": COMMANDERS, "combatant": COMBATANTS, "unit": UNITS}
    seen: dict[str, int] = {}
    out = []
    for f in facts:
        kind = "result_point" if getattr(f, "name", "") == "result_point" else f.kind
        seen[kind] = seen.get(kind, 0) + 1
        cap = RESULT_POINTS if kind == "result_point" else caps.get(kind, 10 * FIGURE_LINES)
        if seen[kind] <= cap:
            out.append(f)
    return out


def cap_events(events: list[Event]) -> list[Event]:
    """The first EVENTS dated statements, while their sentences hold EVENT_CHARS characters."""
    out: list[Event] = []
    chars = 0
    for e in events:
        chars += len(e.text)
        if len(out) >= EVENTS or chars > EVENT_CHARS:
            break
        out.append(e)
    return out
