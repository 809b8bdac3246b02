"""Named days ("Christmas Day", "New Year's Eve", "Easter Monday") -> the day of a given year.

The names are data (data/named-days.yaml): a list for one calendar and one language, kept out of
the code.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from . import datafiles, eras


@cache
def _names() -> dict[str, str]:
    """Name as written in the data file -> its day."""
    return {" ".join(k.split()): v for k, v in datafiles.load("named-days.yaml")["days"].items()}


@cache
def _table() -> dict[str, str]:
    return {_key(k): v for k, v in _names().items()}


def _name_pattern(name: str) -> str:
    words = []
    for w in name.split():
        if w.lower() == "saint":
            words.append(r"(?:Saint|St\.?)")
        else:
            words.append(re.escape(w).replace("'", "['’]"))
    return r"\s+".join(words)


@cache
def pattern() -> re.Pattern[str]:
    """'On Christmas Day', 'by New Year's Eve 1944', 'on St. Crispin's Day': the name as written
    (its first word capitalised), with an optional preposition and year."""
    names = sorted(_names(), key=len, reverse=True)
    alternatives = "|".join(_name_pattern(n) for n in names)
    return re.compile(
        r"(?<![\w-])(?P<phrase>(?:(?P<prep>[Oo]n|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Ss]ince)\s+)?"
        rf"(?:the\s+)?(?P<name>{alternatives}))(?![\w-])"
    )


@cache
def gate_words() -> frozenset[str]:
    """The longest word of every name, lower-case ('crispin' for "Saint Crispin's Day"): a
    sentence holding none of them names no day."""
    out = set()
    for name in _names():
        own = [w for w in re.sub(r"['’]s?", " ", name).lower().split() if w != "saint"]
        out.add(max(own, key=len))
    return frozenset(out)


def _key(name: str) -> str:
    name = re.sub(r"\bSt\.?(?=\s)", "Saint", " ".join(name.split()))
    return name.lower().replace("’", "'")


def day_of(name: str, year: int) -> tuple[tuple[int, int] | None, str | None, int]:
    """((month, day) or None for a movable feast, the part of the day, days from Easter)."""
    value = _table().get(_key(name), "")
    spec, _, part = value.partition(" ")
    if spec.startswith("easter"):
        return None, part or None, int(spec[6:] or 0)
    month, day = (int(x) for x in spec.split("-"))
    return (month, day), part or None, 0


def resolve(name: str, year: int) -> tuple[dt.date | None, str | None]:
    """The day ``name`` falls on in the astronomical ``year``, and the part of the day it names."""
    fixed, part, offset = day_of(name, year)
    if fixed:
        return eras.make_day(year, *fixed), part
    sunday = easter(year)
    return (eras.add_days(sunday, offset) if sunday else None), part


def easter(year: int) -> dt.date | None:
    """Easter Sunday: the Gregorian computus from 1583, the Julian one (as written then) before;
    none before the feast was fixed (AD 325)."""
    if year < 326:
        return None
    if year < 1583:  # Meeus's Julian algorithm
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1)
    a, b, c = year % 19, year // 100, year % 100  # the anonymous Gregorian algorithm
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
