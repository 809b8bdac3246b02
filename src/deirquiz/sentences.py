"""Sentence splitting that knows the abbreviations of military and news prose."""

from __future__ import annotations

import re

_ABBREV = (
    "Maj|Gen|Lt|Col|Brig|Capt|Sgt|Adm|Cpl|Pvt|Gov|Sen|Rep|Pres|Dr|Mr|Mrs|Ms|St|Mt|Ft|No|Vol|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|vs|etc|ca|al|Jr|Sr|Co|Inc|Ltd"
)


def split_sentences(paragraph: str) -> list[str]:
    """Split at '. ' before a capital, except after known abbreviations and initials."""
    # Python's look-behind needs fixed width, so test each candidate boundary by hand.
    out: list[str] = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])", paragraph):
        before = paragraph[start : m.start()]
        last = re.search(r"(\S+)$", before)
        word = last.group(1) if last else ""
        if re.fullmatch(rf"(?:{_ABBREV})\.", word) or re.fullmatch(r"(?:[A-Z]\.)+", word):
            continue
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out
