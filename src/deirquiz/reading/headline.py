"""An infobox point told as a headline, in the present ('Napoleon abdicates on 22 June 1815'),
retold in the past as a card tells it ('Napoleon abdicated on _____')."""

from __future__ import annotations

import re

from ..lexicon import lexicon

_WORD = re.compile(r"[A-Za-z]+")
# a name whose head is a body of people reads with "the": "Syrian Army captured ..."
_BODIES = re.compile(r"^(?:[A-Z][\w'’-]*\s+)+(?:Army|Forces|Navy|Corps|Division|Government)\b")


def in_past(text: str) -> str | None:
    """The text with the first headline verb of each of its parts ('; ') in the past, and 'The'
    before a body's name that opens it; None when a part has no verb the lexicon knows, since
    then it cannot be told right."""
    parts = re.split(r"(;\s+)", text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        told = _part_in_past(part)
        if told is None:
            return None
        out.append(told)
    said = "".join(out)
    if _BODIES.match(said):
        said = "The " + said
    return said


def _part_in_past(part: str) -> str | None:
    verbs = lexicon().headline_verbs
    words = list(_WORD.finditer(part))
    for n, m in enumerate(words):
        w = m.group()
        if n == 0 or w != w.lower() or w not in verbs:
            continue
        plural = not w.endswith("s") and w not in ("are", "have")
        if plural and not words[n - 1].group().endswith("s"):
            continue  # "armies enter"; not "the fall of", "at the end"
        return part[: m.start()] + verbs[w] + part[m.end() :]
    return None
