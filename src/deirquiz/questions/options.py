"""Wrong options of the same kind as the answer, never a variant of it.

Dates and figures come from the reading stage (reading/timeline.py, reading/figures.py), which
sees the whole article; years are made here, some before the answer and some after.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from ..reading.records import Record

_NON_WORD = re.compile(r"[^\w]+")
_UNKNOWN = {"unknown", "n a", "none", "unclear", "various"}


@lru_cache(maxsize=8192)
def normal(text: str) -> str:
    """Case, accents, 'the' and punctuation aside: 'Điện Biên Phủ' is 'dien bien phu'. Cached:
    the checks compare every option with every other and with the prompt."""
    t = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    t = t.casefold()
    t = re.sub(r"^the\s+", "", t)
    return _NON_WORD.sub(" ", t).strip()


def is_variant(a: str, b: str) -> bool:
    """Same thing in other words: equal, or one's words contained in the other's."""
    na, nb = normal(a), normal(b)
    if not na or not nb or na == nb:
        return True
    return f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


def accept(candidates: Sequence[str], answer: str, limit: int = 3) -> list[str]:
    out: list[str] = []
    for c in candidates:
        if len(out) >= limit:
            break
        if not c or normal(c) in _UNKNOWN or is_variant(c, answer):
            continue
        if any(is_variant(c, o) for o in out):
            continue
        out.append(c)
    return out


def years(answer: str, rng: random.Random) -> list[str]:
    """Three other years, some before and some after, so the key is not the odd one out."""
    y = int(answer)
    below = rng.sample([1, 2, 3], 3)
    above = rng.sample([1, 2, 3], 3)
    k = rng.randint(0, 3)
    picked = [y - d for d in below[:k]] + [y + d for d in above[: 3 - k]]
    return [str(p) for p in picked]


def wrong(rec: Record, how: str, answer: str, seed: str) -> list[str]:
    """The accepted wrong options for a record's answer, in order of preference."""
    rng = random.Random(seed)
    if how == "none":
        return []
    if how == "years":
        return accept(years(answer, rng), answer)
    if how == "dates":
        return accept(list(getattr(rec, "date_choices", ())), answer)
    candidates = list(getattr(rec, how.removeprefix("choices:")))
    rng.shuffle(candidates)
    return accept(candidates, answer)
