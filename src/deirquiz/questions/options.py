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
_RATIOS_DOWN = (0.42, 0.55, 0.61, 0.7, 0.82)
_RATIOS_UP = (1.2, 1.28, 1.37, 1.6, 1.8)
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
    below = rng.sample([2, 3, 5, 7, 9, 12], 3)
    above = rng.sample([2, 3, 4, 6, 8, 11], 3)
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


def figures(answer: str, others: Sequence[str], rng: random.Random) -> list[str]:
    """Real figures of the same kind first (another side's total), then made ones."""
    n = _value(answer)
    if n is None or n == 0:
        return []
    step = _roundness(n) if _roundness(n) > 1 else 1
    out: list[str] = []
    for o in others:
        v = _value(o)
        if v and abs(v - n) > 0.08 * n and not _simple(v, n):
            out.append(_say(v, answer))
    downs, ups = list(_RATIOS_DOWN), list(_RATIOS_UP)
    rng.shuffle(downs)
    rng.shuffle(ups)
    k = rng.randint(1, 2)
    for r in [*downs[:k], *ups[: 3 - k], *downs[k:], *ups[3 - k :]]:
        v = max(step, round(n * r / step) * step)
        if v != n and not _simple(v, n) and all(_value(x) != v for x in out):
            out.append(_say(v, answer))
    return out


def wrong(rec: Record, how: str, answer: str, others: Sequence[str], seed: str) -> list[str]:
    """The accepted wrong options for a record's answer, in order of preference."""
    rng = random.Random(seed)
    if how == "none":
        return []
    if how == "years":
        return accept(years(answer, rng), answer)
    if how == "figures":
        return accept(figures(answer, others, rng), answer)
    if how == "dates":
        return accept(list(getattr(rec, "date_choices", ())), answer)
    candidates = list(getattr(rec, how.removeprefix("choices:")))
    rng.shuffle(candidates)
    return accept(candidates, answer)
