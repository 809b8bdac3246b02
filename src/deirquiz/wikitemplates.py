"""Templates as a reader of the article sees them: flags as the flag emoji the converter writes
(so that infobox.flag_country names the country, historical states included), {{KIA}} as †,
dates, conversions and lists as their text. Any other template shows nothing: citations,
hatnotes, navigation boxes, maintenance tags. What each name shows is data (wikitext.yaml),
apart from the templates whose parameters need arranging, here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

Show = Callable[[Wikicode], str]

# Marks the renderer leaves for wikitext.py to lay out: a flag that shows no emoji (a flag image,
# a flag flags.yaml does not know) still parts two names, as the converter's double space does;
# a {{Tree list}} ... {{Tree list/end}} is a plain list, its first level without a bullet.
# (private-use characters: no whitespace to str.split, and wikitext.py takes them out of the input)
GAP = "\ue000"
TREE_START, TREE_END = "\ue001", "\ue002"

_FLAG_ICONS = {"flagicon", "flag icon", "flagdeco", "flag deco"}
_FLAG_NAMES = {"flag", "flagcountry", "flag country", "flagu"}
_LOWERED_LISTS = {"plainlist", "plain list", "flatlist", "flat list", "indented plainlist"}
_ITEM_LISTS = {"ubl", "ubil", "unbulleted list", "unbulleted indent list", "bulleted list",
               "blist", "bulleted", "hlist", "collapsible list", "plain list items"}  # fmt: skip
_DATES = {"start date", "end date", "start date and age", "end date and age", "start-date",
          "end-date", "dts", "birth date", "death date"}  # fmt: skip
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_RANGE = {"-": "–", "–": "–", "to": " to ", "and": " and ", "or": " or ", "x": " × ", "×": " × ",
          "by": " by ", "+": " + ", "to(-)": " to ", "and(-)": " and "}  # fmt: skip
_YES = {"y", "yes", "true", "1"}


@cache
def data(name: str) -> dict:
    """A shipped data file, every value as text (Norway's "NO" stays "NO")."""
    with open(Path(__file__).parent / "data" / name, encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))


def name_of(tpl: Template) -> str:
    """A template's name as a key: lowercased, spaces for underscores, no 'Template:'."""
    name = " ".join(str(tpl.name).replace("_", " ").split()).lower()
    return name.removeprefix("template:").strip()


def text(tpl: Template, show: Show) -> str:
    """What the template shows, as text in the converter's layout."""
    name = name_of(tpl)
    table = data("wikitext.yaml")
    if name in table["text"]:
        return table["text"][name]
    if name in ("tree list", "treelist"):
        return f"\n{TREE_START}\n"
    if name in ("tree list/end", "treelist/end"):
        return f"\n{TREE_END}\n"
    if name in _FLAG_ICONS or name in _FLAG_NAMES or name == "flagicon image":
        return _flag(name, tpl, show)
    known = (
        name in _LOWERED_LISTS
        or name in _ITEM_LISTS
        or name in _DATES
        or name in _HANDLERS
        or name in table["first"]
        or name in table["second"]
        or name.startswith(tuple(table["first_prefixes"]))
        or name.upper() in table["ship_prefixes"]
    )
    if not known:
        return ""
    pos, named = _args(tpl, show)
    if name in _LOWERED_LISTS:
        return _lowered(pos[0] if pos else "")
    if name in _ITEM_LISTS:
        return _lines([named.get("title", ""), *pos])
    if name in _DATES:
        return _date(pos, named.get("df", "").lower() in _YES)
    if name in _HANDLERS:
        return _HANDLERS[name](pos, named)
    if name in table["second"]:
        return _at(pos, 1) or _at(pos, 0)
    if name.upper() in table["ship_prefixes"]:
        return _ship([name.upper(), *pos])
    return _at(pos, 0)


def _args(tpl: Template, show: Show) -> tuple[list[str], dict[str, str]]:
    """Unnamed parameters in order (a gap as ""), and the named ones, each rendered."""
    by_number: dict[int, str] = {}
    named: dict[str, str] = {}
    for p in tpl.params:
        key = str(p.name).strip()
        value = show(p.value).strip()
        if key.isdigit():
            by_number[int(key)] = value
        else:
            named[key.lower()] = value
    last = max(by_number, default=0)
    return [by_number.get(i, "") for i in range(1, last + 1)], named


def _at(pos: list[str], i: int) -> str:
    return pos[i] if i < len(pos) else ""


def _flag(name: str, tpl: Template, show: Show) -> str:
    """{{flag|France}} -> "🇫🇷 France", {{flagicon|USA|1863}} -> "🇺🇸": the emoji of the code that
    flags.yaml gives the argument (none for a flag it does not know, nor for a flag image)."""
    if name == "flagicon image" or not tpl.has(1):
        return GAP
    arg = " ".join(show(tpl.get(1).value).split())
    code = data("flags.yaml").get(arg.lower())
    emoji = "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in code) if code else GAP
    if name in _FLAG_ICONS:
        return emoji
    shown = show(tpl.get("name").value).strip() if tpl.has("name") else arg
    if code and arg.isupper() and len(arg) <= 4:  # a code: the template shows the name
        shown = data("countries.yaml").get(code, arg)
    return f"{emoji} {shown}".strip()


def _lowered(content: str) -> str:
    """A plain list's items as lines: its first level shows no bullet, so it loses one '*'
    ("* French Union\\n** France" -> "French Union\\n* France"), as the converter writes it."""
    lines = []
    for line in content.split("\n"):
        line = line.strip()
        if line.startswith("*"):
            line = line[1:].strip()
        lines.append(line)
    return _lines(lines)


def _lines(items: list[str]) -> str:
    return "\n" + "\n".join(i for i in (x.strip() for x in items) if i) + "\n"


def _date(pos: list[str], day_first: bool) -> str:
    """{{start date|1863|7|1}} -> "July 1, 1863" ("1 July 1863" with df=y)."""
    y, m, d = (_at(pos, i).lstrip("0") for i in range(3))
    if not (
        y.isdigit() and (not m or (m.isdigit() and 1 <= int(m) <= 12)) and (not d or d.isdigit())
    ):
        return " ".join(p for p in pos[:3] if p)
    if not m:
        return y
    month = _MONTHS[int(m) - 1]
    if not d:
        return f"{month} {y}"
    return f"{d} {month} {y}" if day_first else f"{month} {d}, {y}"


def _date_text(pos: list[str], named: dict[str, str]) -> str:
    """{{date|2017-09-14}} -> "14 September 2017" (the template's default), or "mdy"."""
    when = _at(pos, 0)
    parts = when.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        return _date(parts, _at(pos, 1).lower() != "mdy")
    return when


def _convert(pos: list[str], named: dict[str, str]) -> str:
    """{{convert|5|km|mi}} -> "5 km", {{convert|5|-|10|km}} -> "5–10 km": the figure as written."""
    value, i = _at(pos, 0), 1
    if _at(pos, 1).lower() in _RANGE and _at(pos, 2):
        value, i = value + _RANGE[_at(pos, 1).lower()] + _at(pos, 2), 3
    return f"{value} {_at(pos, i)}".strip()


def _as_of(pos: list[str], named: dict[str, str]) -> str:
    """{{as of|2017|10}} -> "As of October 2017" ("as of" with lc=y)."""
    shown = "as of" if named.get("lc", "").lower() in _YES else "As of"
    return f"{shown} {_date(pos, True)}".strip()


def _circa(pos: list[str], named: dict[str, str]) -> str:
    return f"c. {_at(pos, 0)}".strip()


def _frac(pos: list[str], named: dict[str, str]) -> str:
    if len(pos) >= 3:
        return f"{pos[0]} {pos[1]}/{pos[2]}"
    return "/".join(p for p in pos[:2] if p)


def _coord(pos: list[str], named: dict[str, str]) -> str:
    """{{coord|50|40|49|N|4|24|42|E}} -> "50°40′49″N 4°24′42″E"; one shown only in the page's
    title bar (display=title) is not in the text."""
    if "inline" not in named.get("display", "inline").lower():
        return ""
    out: list[str] = []
    nums: list[str] = []
    for p in pos:
        if p.upper() in ("N", "S", "E", "W"):
            out.append("".join(n + s for n, s in zip(nums, "°′″", strict=False)) + p.upper())
            nums = []
            if len(out) == 2:
                return " ".join(out)
        else:
            nums.append(p)
    try:
        lat, lon = float(_at(pos, 0)), float(_at(pos, 1))
    except ValueError:
        return ""
    lat_s, lon_s = pos[0].lstrip("-+"), pos[1].lstrip("-+")
    return f"{lat_s}°{'N' if lat >= 0 else 'S'} {lon_s}°{'E' if lon >= 0 else 'W'}"


def _ship(pos: list[str], named: dict[str, str] | None = None) -> str:
    """{{HMS|Victory}} -> "HMS Victory"; {{ship|USS|Enterprise|CV-6}} -> "USS Enterprise (CV-6)"."""
    shown = " ".join(p for p in pos[:2] if p)
    return f"{shown} ({pos[2]})" if _at(pos, 2) else shown


_HANDLERS: dict[str, Callable[[list[str], dict[str, str]], str]] = {
    "convert": _convert,
    "cvt": _convert,
    "as of": _as_of,
    "circa": _circa,
    "c.": _circa,
    "ca.": _circa,
    "frac": _frac,
    "fraction": _frac,
    "coord": _coord,
    "date": _date_text,
    "ship": _ship,
}
