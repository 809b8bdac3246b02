"""Wrong options of the same kind as the answer, never a variant of it.

Dates come from the reading stage already spaced (see reading/timeline.py); years and figures are
made here: as round as the answer, some above it and some below, and never a simple multiple of
it (½, ¾, 1½ × the key would point at the key).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence

from ..reading.records import Record

_NON_WORD = re.compile(r"[^\w]+")
_SIMPLE = (1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 3 / 2, 2.0, 3.0, 4.0)
_UNKNOWN = {"unknown", "n a", "none", "unclear", "various"}


def normal(text: str) -> str:
    """Case, accents, 'the' and punctuation aside: 'Điện Biên Phủ' is 'dien bien phu'."""
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


def _value(text: str) -> int | None:
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _roundness(n: int) -> int:
    step = 1
    while n and n % (step * 10) == 0 and step < 10**6:
        step *= 10
    return step


def _say(n: int, like: str) -> str:
    return f"{n:,}" if "," in like or n >= 10_000 else str(n)


def _simple(a: int, b: int) -> bool:
    return any(abs(a / b - r) < 0.03 * r for r in _SIMPLE) if b else True


def figures(answer: str, avoid: Sequence[str], rng: random.Random) -> list[str]:
    """Made figures, some below the key and some above, each from a ratio drawn afresh (no fixed
    ×0.42 a student could learn), as round as the key, and none near a figure the article gives
    (another side's total, a part of this one) or near each other."""
    n = _value(answer)
    if n is None or n < 10:
        return []
    step = _roundness(n)
    taken = [v for v in (_value(a) for a in avoid) if v]
    out: list[int] = []
    below = rng.randint(1, 2)
    wants = [True] * below + [False] * (3 - below)
    for want_below in wants * 30:
        if len(out) == 3:
            break
        if sum(1 for v in out if (v < n) == want_below) >= wants.count(want_below):
            continue
        r = rng.uniform(0.3, 0.62) if want_below else rng.uniform(1.5, 2.5)
        v = round(n * r / step) * step
        if step == 1 and v > 100:  # an exact key: wrong figures as exact-looking as it
            v = v - v % 100 + rng.randint(0, 99)
        # near a figure of the article: true of something, or right by another count
        near = any(abs(v - t) <= 0.1 * max(v, t) for t in taken)
        if v <= 0 or near or _simple(v, n) or any(abs(v - t) <= 0.1 * max(v, t) for t in (n, *out)):
            continue
        out.append(v)
    if not (any(v < n for v in out) and any(v > n for v in out)):
        return []  # the key at one end of the options would be a guess's first pick
    return [_say(v, answer) for v in out]


def wrong(rec: Record, how: str, answer: str, others: Sequence[str], seed: str) -> list[str]:
    """The accepted wrong options for a record's answer, in order of preference."""
    rng = random.Random(seed)
    if how == "none":
        return []
    if how == "years":
        return accept(years(answer, rng), answer)
    if how == "figures":
        return accept(figures(answer, [*others, *getattr(rec, "avoid", ())], rng), answer)
    if how == "dates":
        return accept(list(getattr(rec, "date_choices", ())), answer)
    candidates = list(getattr(rec, how.removeprefix("choices:")))
    rng.shuffle(candidates)
    return accept(candidates, answer)
