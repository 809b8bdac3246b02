"""Wrong options of the same kind as the answer: same article and kind first, then field knowledge.

Never a variant of the answer ('Maj. Gen. Suheil al-Hassan' for 'Suheil al-Hassan'), never
'Unknown', never a value that is also true of the subject (a unit's own ancestors).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from . import dates
from .blanks import ORDINAL
from .infobox import is_unknown, rank_distractors
from .records import Record

_THE = re.compile(r"^the\s+")
_NON_WORD = re.compile(r"[^\w]+")


def _same_number(a: str, b: str) -> bool:
    """'4th Armoured Division' and '4th Mechanized Division' may be one formation by two names:
    never both among the options."""
    na = _ordinals(a)
    return bool(na) and bool(na & _ordinals(b))


@lru_cache(maxsize=4096)
def _ordinals(text: str) -> frozenset[str]:
    if len(text.split()) > 6:
        return frozenset()  # a statement ("the 5th Legion advanced ..."), not a name
    return frozenset(ORDINAL.findall(text))


@lru_cache(maxsize=1024)  # an article's few hundred names, compared with each other many times
def normal(text: str) -> str:
    t = text.casefold()
    t = _THE.sub("", t)
    return _NON_WORD.sub(" ", t).strip()


def is_variant(a: str, b: str) -> bool:
    """Same thing in other words: equal, or one's words contained in the other's."""
    na, nb = normal(a), normal(b)
    if not na or not nb:
        return True
    if na == nb:
        return True
    return f" {na} " in f" {nb} " or f" {nb} " in f" {na} "


@lru_cache(maxsize=256)  # one per record list ("the places taken by 31 October"), shared
def _excludes(exclude: tuple[str, ...]):
    """is_variant(c, x) for any x of the list, in a few lookups: a long list (every place taken
    before a "By" statement) compared one by one made an article of thousands of statements
    quadratic."""
    if len(exclude) <= 16:
        return lambda c: any(is_variant(c, x) for x in exclude)
    names = [normal(x).split() for x in exclude]
    if any(not n for n in names):
        return lambda c: True  # is_variant: an empty name is a variant of everything
    whole = {" ".join(n) for n in names}
    runs = {
        " ".join(n[i:j]) for n in names for i in range(len(n)) for j in range(i + 1, len(n) + 1)
    }

    def excluded(c: str) -> bool:
        words = normal(c).split()
        if not words or " ".join(words) in runs:  # c within some name, or equal to it
            return True
        return any(  # some name within c
            " ".join(words[i:j]) in whole
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        )

    return excluded


def _accept(
    candidates: list[str], answer: str, exclude: tuple[str, ...], limit: int | None = None
) -> list[str]:
    out: list[str] = []
    for c in candidates:
        if limit is not None and len(out) >= limit:
            break
        if not c or is_unknown(c) or is_variant(c, answer):
            continue
        if _excludes(exclude)(c) or any(is_variant(c, o) for o in out):
            continue
        if _same_number(c, answer) or any(_same_number(c, o) for o in out):
            continue
        out.append(c)
    return out


def pick(
    template, rec: Record, pool: Pool, answer: str, seed: int, limit: int | None = None
) -> list[str]:
    """The accepted distractors in order of preference; the first ``limit`` of them if given."""
    exclude = rec.lists.get(template.exclude, ()) if template.exclude else ()
    if template.pool_extra == "dates":
        return _dates(rec, pool, answer, limit)
    if template.pool_extra in ("numbers", "numbers_above"):
        wrong = _numbers(answer, rec.identity, seed, above=template.pool_extra == "numbers_above")
        return [w for w in wrong if not _in_text(w, rec)]
    counts = pool.values(template, rec)
    own = rec.get(template.pool)
    # a value another record shares with the subject stays ("Republican Guard" twice): _accept
    # then drops it as the answer; the subject's own value alone is no candidate
    rnd = random.Random(f"{seed}:{rec.identity}:{template.id}")
    values = list(counts)
    if len(values) > MAX_CANDIDATES + 1:  # a huge article: a seeded sample keeps this linear
        values = sorted(rnd.sample(values, MAX_CANDIDATES + 1))
    candidates = [v for v in values if counts[v] > (1 if v == own else 0)][:MAX_CANDIDATES]
    rnd.shuffle(candidates)
    # most like the answer first: 'Syrian Armed Forces' for 'Russian Armed Forces', so that
    # no option stands out by its words alone (the sort is stable, the shuffle breaks ties)
    candidates.sort(key=lambda c: -_likeness(c, answer))
    if template.pool_extra.startswith("own:"):
        candidates = [rec.get(template.pool_extra[4:]), *candidates]
    if template.pool_extra == "ranks":
        extra = sorted(rank_distractors())
        rnd.shuffle(extra)
        candidates += extra
    return _accept(candidates, answer, exclude, limit)


MAX_CANDIDATES = 60


class Pool:
    """The records of one kind in one article, and what is worked out over them once (how often
    each value occurs, the candidates per template and side, the events' days) rather than once
    per subject: an article of thousands of events stays near-linear."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self.records = list(records)
        self._counts: dict[str, Counter] = {}
        self._values: dict[tuple, dict[str, int]] = {}
        self._days: list[tuple[dt.date, str, frozenset[str]]] | None = None

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records)

    def count(self, f: str) -> Counter:
        """How many records hold each (case-folded) value of field f."""
        if f not in self._counts:
            self._counts[f] = Counter(r.get(f).casefold() for r in self.records)
        return self._counts[f]

    def values(self, template, rec: Record) -> dict[str, int]:
        """Sorted pool values, with how many records hold each, of the records that may give
        this subject a distractor: once per template and side."""
        rules = template.pool_same
        key = (template.id, tuple(rec.get(r.partition("=")[2] or r) for r in rules))
        if key not in self._values:
            found: dict[str, int] = {}
            for other in self.records:
                if _same(other, rec, rules) and _fits(template, other):
                    v = other.get(template.pool)
                    found[v] = found.get(v, 0) + 1
            self._values[key] = dict(sorted(found.items()))
        return self._values[key]

    def days(self) -> list[tuple[dt.date, str, frozenset[str]]]:
        """The distinct single days of the events, sorted, each with the rare words of what
        happened on it."""
        if self._days is None:
            found: dict[str, tuple[str, set[str]]] = {}
            for r in self.records:
                f = r.fields
                iso = f.get("iso", "")
                if iso and not f.get("range", ""):
                    entry = found.setdefault(iso, (f.get("date", ""), set()))
                    entry[1].update(r.lists.get("rare", ()))
            self._days = sorted((dates.from_iso(i), d, frozenset(w)) for i, (d, w) in found.items())
        return self._days


def _likeness(a: str, b: str) -> float:
    wa, wb = _word_set(a), _word_set(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


@lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(normal(text).split())


def _fits(template, other: Record) -> bool:
    """A distractor comes from a record the template could itself ask about ('by 17 November'
    events are no safe 'other day'), and that has what 'pool_require' names (a commander whose
    rank the infobox does not give may hold the one asked about: he is no wrong option)."""
    return not any(other.get(f) for f in template.absent) and all(
        other.get(f) for f in template.pool_require
    )


def _same(other: Record, rec: Record, rules: tuple[str, ...]) -> bool:
    """'side' = same value; 'side=enemy_side': the other's side is the subject's enemy side."""
    for rule in rules:
        theirs, _, ours = rule.partition("=")
        if other.get(theirs) != rec.get(ours or theirs):
            return False
    return True


def _dates(rec: Record, pool: Pool, answer: str, limit: int | None) -> list[str]:
    """The days of other events nearest to this one's, nearest first."""
    iso = rec.get("iso")
    if not iso:
        return []
    day = dates.from_iso(iso)
    days = pool.days()
    alike = set(rec.lists.get("rare", ()))
    i = bisect.bisect_left(days, (day, ""))
    lo, hi, near = i - 1, i + (i < len(days) and days[i][0] == day), []
    want = (limit or 3) + 6  # a few spare for the checks in _accept
    while len(near) < want and (lo >= 0 or hi < len(days)):
        before = (day - days[lo][0]).days if lo >= 0 else None
        after = (days[hi][0] - day).days if hi < len(days) else None
        if after is None or (before is not None and before <= after):
            pick_, lo = days[lo], lo - 1
        else:
            pick_, hi = days[hi], hi + 1
        # a day when something alike happened (bombers again, another stadium) could be right too
        if not alike & pick_[2]:
            near.append(pick_[1])
    return _accept(near, answer, (), limit)


def _in_text(number: str, rec: Record) -> bool:
    """A wrong figure that the article states elsewhere would confuse more than it tests."""
    text = rec.lists.get("numbers_seen", ("",))[0]
    if number not in text:  # then the search below cannot match: skip its slow scan
        return False
    return bool(re.search(rf"(?<![\d,.]){re.escape(number)}(?![\d,])", text))


def _numbers(answer: str, identity: str, seed: int, above: bool = False) -> list[str]:
    """Same scale, same shape: '90' -> '70', '80', '60'; '300+' -> '150+', ...; '1,500' -> ..."""
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\+?)", answer.strip())
    if not m:
        return []
    value = int(m.group(1).replace(",", ""))
    plus = m.group(2)
    if value == 0:
        return []
    if value <= 10:
        pool = [v for v in range(max(1, value - 4), value + 6) if v != value]
    elif value <= 100 and value % 5 == 0:
        pool = [v for v in range(max(5, value - 40), min(100, value + 40) + 1, 5) if v != value]
    else:
        factors = [0.4, 0.5, 0.6, 0.75, 1.25, 1.5, 2, 2.5]
        # as round as the answer: beside "269", "110" and "200" would give it away
        zeros = len(str(value)) - len(str(value).rstrip("0"))
        rnd_shape = random.Random(f"{seed}:{identity}:shape")
        pool = []
        for f in factors:
            v = value * f
            digits = len(str(int(v)))
            step = min(10 ** max(0, digits - 2), 10**zeros)
            v = int(round(v / step) * step)
            if zeros == 0 and v % 10 == 0:
                v += rnd_shape.choice((-3, -1, 1, 3, 7))  # "140" -> "143"
            if v > 0 and v != value and v not in pool:
                pool.append(v)
    rnd = random.Random(f"{seed}:{identity}:numbers")
    if above:  # "at least 300": any smaller figure would be true as well
        pool = [v for v in pool if v > value] or [int(value * f) for f in (1.5, 2, 3)]
    pool.sort(key=lambda v: abs(v - value))
    near = pool[:6]
    rnd.shuffle(near)
    comma = "," in m.group(1) or value >= 10000
    return [(f"{v:,}" if comma else str(v)) + plus for v in near]
