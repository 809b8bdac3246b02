"""Days before the common era ("2 August 216 BC"), which ``datetime.date`` cannot hold.

A ``BCDate`` is a ``datetime.date`` whose ``year`` is the year as written (216 for 216 BC), so that
every reader of an event's day (``.day``, ``.month``, ``strftime('%m-%d')``) works unchanged, while
ordering, equality and day arithmetic follow the real timeline: 217 BC comes before 216 BC, and
both before any day AD. Days are counted on the proleptic Gregorian calendar, with astronomical
years (1 BC is year 0, 216 BC is year -215), which ISO 8601 writes as "-0215-08-02".
"""

from __future__ import annotations

import datetime as dt

_CYCLES = 24  # 400-year Gregorian cycles that bring any year back to 9600 BC into range
_SHIFT_YEARS = 400 * _CYCLES
_SHIFT_DAYS = 146_097 * _CYCLES


def ordinal(d: dt.date) -> int:
    """Days since 1 January AD 1 (that day is 1); 0 and below before it."""
    if isinstance(d, BCDate):
        return dt.date(astronomical_year(d) + _SHIFT_YEARS, d.month, d.day).toordinal() - (
            _SHIFT_DAYS
        )
    return d.toordinal()


def from_ordinal(n: int) -> dt.date:
    if n >= 1:
        return dt.date.fromordinal(n)
    shifted = dt.date.fromordinal(n + _SHIFT_DAYS)
    return BCDate(1 - (shifted.year - _SHIFT_YEARS), shifted.month, shifted.day)


def add_days(d: dt.date, n: int) -> dt.date:
    """The day n days after d (before, if n < 0), across the start of the era too."""
    return from_ordinal(ordinal(d) + n)


def astronomical_year(d: dt.date) -> int:
    """216 BC -> -215, 1 BC -> 0, AD 1066 -> 1066."""
    return 1 - d.year if isinstance(d, BCDate) else d.year


def is_bc(d: dt.date | None) -> bool:
    return isinstance(d, BCDate)


def make_day(year: int, month: int, day: int) -> dt.date | None:
    """The day of an astronomical year (0 and below are BC), or None where there is none."""
    try:
        if year >= 1:
            return dt.date(year, month, day)
        dt.date(year + _SHIFT_YEARS, month, day)  # the day must exist in that year
        return BCDate(1 - year, month, day)
    except ValueError:
        return None


class BCDate(dt.date):
    """A day of the year ``year`` BC (see the module's docstring)."""

    __slots__ = ()

    def _key(self) -> int:
        return ordinal(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, dt.date) or isinstance(other, dt.datetime):
            return NotImplemented
        return isinstance(other, BCDate) and ordinal(other) == ordinal(self)

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash(("BC", ordinal(self)))

    def _cmp(self, other: object) -> int | None:
        if not isinstance(other, dt.date) or isinstance(other, dt.datetime):
            return None
        a, b = ordinal(self), ordinal(other)
        return (a > b) - (a < b)

    def __lt__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other: object) -> bool:
        c = self._cmp(other)
        return NotImplemented if c is None else c >= 0

    def __add__(self, other: object) -> dt.date:  # type: ignore[override]
        if isinstance(other, dt.timedelta):
            return from_ordinal(ordinal(self) + other.days)
        return NotImplemented

    def __radd__(self, other: object) -> dt.date:  # type: ignore[override]
        return self.__add__(other)

    def __sub__(self, other: object):  # type: ignore[override]
        if isinstance(other, dt.timedelta):
            return from_ordinal(ordinal(self) - other.days)
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return dt.timedelta(days=ordinal(self) - ordinal(other))
        return NotImplemented

    def __rsub__(self, other: object):
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return dt.timedelta(days=ordinal(other) - ordinal(self))
        return NotImplemented

    def replace(self, year: int | None = None, month: int | None = None, day: int | None = None):  # type: ignore[override]
        """``year`` as written BC, like the constructor's."""
        return BCDate(year or self.year, month or self.month, day or self.day)

    def toordinal(self) -> int:
        return ordinal(self)

    def isoformat(self) -> str:
        y = astronomical_year(self)
        sign = "-" if y < 0 else ""
        return f"{sign}{abs(y):04d}-{self.month:02d}-{self.day:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"BCDate({self.year}, {self.month}, {self.day})"

    def weekday(self) -> int:
        return (ordinal(self) + 6) % 7

    def isoweekday(self) -> int:
        return self.weekday() + 1
