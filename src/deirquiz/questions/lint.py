"""Templates that can never make a question, found before any article is read.

A template file may be well formed and still give nothing: a true/false wording with nowhere to
take a false value from, a blank-less cloze, an answer spelled out in its own prompt. The
generator then makes no question from it and says nothing, which leaves a teacher guessing. Here
each such template is named, with why; the command line prints it as a warning. Only what holds
for every article is said: a template that simply finds nothing in one article is no mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model import BLANK, DeirquizError
from ..reading.records import fields_of
from .templates import Template, parse_templates

NEVER = "can never make a question"
CHOICES = ("mcq", "truefalse")  # the types that need wrong options


def problems(t: Template) -> list[tuple[bool, str]]:
    """(would it stop the run, what is wrong) for what is wrong with a template in every
    article."""
    known = fields_of(t.about)
    out: list[tuple[bool, str]] = []
    both = {c.split("=", 1)[0] for c in t.require} & {c.split("=", 1)[0] for c in t.absent}
    if both:
        out.append((False, f"{NEVER}: it both requires and rules out {', '.join(sorted(both))}"))
    if t.options == "dates" and "date_choices" not in known:
        why = f"'options: dates' takes an event's dates, and a {t.about} has none"
        out += [(False, f"its {ty} wording {NEVER}: {why}") for ty in t.types if ty in CHOICES]
    for ty, wording in t.types.items():
        out += [(False, f"its {ty} wording {why}") for why in _wording(t, ty, wording)]
    if "order" in t.types and not {"items", "dates"} <= set(known):
        out.append((True, f"an 'order' wording needs events and their dates; a {t.about} has none"))
    return out


def _wording(t: Template, ty: str, wording: str) -> list[str]:
    out = []
    if ty == "truefalse" and t.options == "none":
        out.append(f"{NEVER}: it has no false value to state (give it 'options')")
    elif ty == "truefalse" and not any(
        f in wording for f in ("{value}", "{value_the}", "{value_person}")
    ):
        out.append("may make wrong questions: without {value} or {value_the} a false statement "
                   "reads as the true one")  # fmt: skip
    if ty == "cloze" and BLANK not in wording and "{blanked}" not in wording:
        out.append(f"{NEVER}: it has no blank ({{blanked}} or {BLANK})")
    if ty in ("basic", "mcq", "cloze") and t.answer and f"{{{t.answer}}}" in wording:
        out.append(f"{NEVER}: it shows its own answer, {{{t.answer}}}")
    return out


def never_asked(files: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(where, why) for each template of these files that can never make a question; a template
    that would stop the run with a crash is refused (DeirquizError) instead."""
    from ..article import read

    out = []
    for f in files:
        path = Path(f)
        for t in parse_templates(read(path), str(path)).templates:
            where = f"{path}: template {t.id!r}"
            for fatal, why in problems(t):
                if fatal:
                    raise DeirquizError(where, why)
                out.append((where, why))
    return out
