"""Infobox fields -> facts: overview, combatants, commanders, units, casualties, strength.

The converter flattens Wikipedia's infobox templates into text with list markers, flag emoji
and parenthesised notes; these readers undo that layout, never an article's particular wording.
Commanders are read in commanders.py, casualties and strength in figures.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from . import datafiles, dates
from .commanders import FLAG, abbreviations, clean_name, flag_country, is_unknown
from .commanders import commanders as _commanders
from .figures import casualties as _casualties
from .figures import strength as _strength
from .model import Article, Casualty, Combatant, Commander, Fact, Field, Overview, Strength, Unit

__all__ = ["FLAG", "country_names", "facts", "flag_country", "is_unknown", "rank_distractors",
           "ranks"]  # fmt: skip
_SIDE_FIELD = re.compile(r"^(combatant|commander|units|casualties|strength)(\d+)$")
_SEE = re.compile(r"\s*\((?:see|See)\b[^()]*\)")  # a note to the reader, not the result


@cache
def country_names() -> frozenset[str]:
    """Every country's short name: a country is no wrong option for a village."""
    return frozenset(datafiles.load("countries.yaml").values())


def ranks() -> dict[str, str]:
    """Abbreviation -> full rank, longest first so 'Maj. Gen.' wins over 'Maj.'."""
    return dict(abbreviations())


def rank_distractors() -> list[str]:
    return list(datafiles.load("ranks.yaml")["distractors"])


# --- overview ---------------------------------------------------------------------------


def overview(article: Article) -> list[Overview]:
    box = article.infobox
    out: list[Overview] = []
    if "date" in box:
        f = box["date"]
        text = _own_date(f.text, article.title)
        rng = (_days_apart(text) or dates.parse_range(text)) if text else None
        if rng:
            out.append(
                Overview(
                    field="date",
                    source=text,
                    name="date",
                    value=dates.fmt_range(*rng),
                    start=rng[0],
                    end=rng[1],
                )
            )
    for key in ("place", "partof", "territory"):
        if key in box and box[key].text and not is_unknown(box[key].text):
            value = re.sub(r"\s+", " ", box[key].text).strip()
            out.append(Overview(field=key, source=value, name=key, value=value))
    if "result" in box and box["result"].text:
        lines = [ln.strip() for ln in box["result"].text.split("\n") if ln.strip()]
        head = [ln for ln in lines if not ln.startswith("*")]
        if head and not is_unknown(head[0]):
            value = _SEE.sub("", head[0]).strip()  # "French tactical victory (see Aftermath)"
            out.append(Overview(field="result", source=head[0], name="result", value=value))
        for ln in lines:
            if ln.startswith("*"):
                point = ln.lstrip("* ").strip()
                out.append(Overview(field="result", source=point, name="result_point", value=point))
    codename = _codename(article)
    if codename:
        out.append(codename)
    coordinates = _coordinates(box.get("coordinates"))
    if coordinates:
        out.append(coordinates)
    return out


_QUALIFIED = re.compile(r"^(?P<date>.+?)\s*\((?P<what>[^()]+)\)\s*$")


def _own_date(text: str, title: str) -> str:
    """The date of the article's own fighting where the field dates several ('14 July – 12
    September 1683 (siege)' and 'September 12, 1683 (battle)' for the Battle of Vienna); ''
    where none of them is of the title's kind."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    found = [_QUALIFIED.match(ln) for ln in lines]
    if len(lines) < 2 or not all(found):
        return text
    kind = title.split(" ", 1)[0].lower().rstrip("s")  # "Battles of Saratoga": battle
    own = [m.group("date") for m in found if m and kind and kind in m.group("what").lower()]
    return own[0] if len(own) == 1 else ""


def _days_apart(text: str) -> tuple[dt.date, dt.date] | None:
    """'September 19 and October 7, 1777': two battles' days, the first to the last (the
    reader says them as the field does, not as a range)."""
    m = re.fullmatch(r"\s*(.+?)\s+and\s+(.+?)\s*", text)
    last = dates.parse_range(m.group(2)) if m else None
    if not m or not last:
        return None
    y = last[0].year
    rest = re.sub(r"^\s*\d{1,2}\b", "", m.group(2)).strip()  # "2 and 3 July": "2" + "July 1863"
    tries = (f"{m.group(1)}, {y}", f"{m.group(1)} {y}", f"{m.group(1)} {rest}", m.group(1))
    first = next(filter(None, (dates.parse_range(t) for t in tries)), None)
    return (first[0], last[1]) if first and last and first[0] < last[0] else None


_COORD = re.compile(
    r"(?P<lat>-?\d+(?:\.\d+)?)\s*°\s*(?P<ns>[NS])\s*,?\s*(?P<lon>-?\d+(?:\.\d+)?)\s*°\s*(?P<ew>[EW])"
)


def _coordinates(f: Field | None) -> Overview | None:
    """The converter writes every point as signed degrees under fixed labels, "N, " and "W"
    (4.41°E comes out as "4.41167°W", 77.2°W as "-77.225°W"): in its layout the sign is the
    hemisphere; in any other (the wikitext reader's "39.811°N 77.225°W"), the letter is."""
    m = _COORD.search(f.text) if f else None
    if not f or not m:
        return None
    lat, lon = float(m.group("lat")), float(m.group("lon"))
    converter = ", " in m.group() or lat < 0 or lon < 0  # its "N, W" labels with signed degrees
    if (m.group("ns"), m.group("ew")) != ("N", "W") or not converter:
        lat = -abs(lat) if m.group("ns") == "S" else abs(lat)
        lon = -abs(lon) if m.group("ew") == "W" else abs(lon)
    value = f"{abs(lat):g}°{'S' if lat < 0 else 'N'}, {abs(lon):g}°{'W' if lon < 0 else 'E'}"
    return Overview(field=f.name, source=f.text, name="coordinates", value=value,
                    latitude=lat, longitude=lon)  # fmt: skip


_CODENAMED = re.compile(r",?\s+(?:codenamed|code-named|code named)\s+(?P<name>[^,(.;]+)")


def _codename(article: Article) -> Overview | None:
    """The subject's own codename: only when the sentence names the article's subject just before
    'codenamed' (a codename of some other operation belongs to the events)."""
    subjects = {article.title, *article.terms[:1]}  # the title's bold may be lost (Okinawa)
    aside = r"(?:\s*\((?:[^()]|\([^()]*\))*\))?"  # "(沖縄戦 (Okinawa-sen))"
    for _, para in article.paragraphs:
        for subject in sorted(subjects):
            if subject not in para or "code" not in para:
                continue
            m = re.search(re.escape(subject) + aside + _CODENAMED.pattern, para)
            if m:
                said = m.group("name").strip()  # "Operation Iceberg by the Allies"
                name = next((t for t in article.terms if said == t or said.startswith(t + " ")), "")
                if name:
                    sentence = _sentence_around(para, m.start())
                    return Overview(field="body", source=sentence, name="codename", value=name)
    return None


def _sentence_around(para: str, pos: int) -> str:
    from .sentences import split_sentences

    offset = 0
    for s in split_sentences(para):
        start = para.find(s, offset)
        if start <= pos < start + len(s):
            return s
        offset = start + len(s)
    return para


# --- combatants ---------------------------------------------------------------------------


def _sides(article: Article, prefix: str) -> list[tuple[int, Field]]:
    out = []
    for name, f in article.infobox.items():
        m = _SIDE_FIELD.match(name)
        if m and m.group(1) == prefix:
            out.append((int(m.group(2)), f))
    return sorted(out, key=lambda t: t[0])


def _side_lines(article: Article, prefix: str) -> Iterator[tuple[int, Field, str]]:
    """(side, field, line) for every list line of the side fields ('casualties2', ...)."""
    for side, f in _sides(article, prefix):
        for raw in f.text.split("\n"):
            yield side, f, raw.strip().lstrip("* ").strip()


def combatants(article: Article) -> list[Combatant]:
    out: list[Combatant] = []
    for side, f in _sides(article, "combatant"):
        labels = [i.rstrip(":").strip() for i in f.italic if i.endswith(":")]
        first = True
        for raw_line in f.text.split("\n"):
            line = raw_line.strip()
            if not line:
                continue
            sub = line.startswith("*")
            line = line.lstrip("* ")
            group = None
            # split at flags and at group labels ("Allied militias:"), then at double spaces
            label_re = "|".join(re.escape(lbl) + r"\s*:" for lbl in labels) or r"(?!x)x"
            parts = re.split(rf"({FLAG.pattern}|{label_re})", line)
            country = None
            for part in parts:
                if not part or not part.strip():
                    continue
                if FLAG.fullmatch(part):
                    country = flag_country(part)
                    continue
                if re.fullmatch(label_re, part):
                    group = part.rstrip(":").strip()
                    continue
                for chunk in re.split(r"\s{2,}", part.strip()):
                    name = clean_name(chunk)
                    if not name or is_unknown(name):
                        continue
                    out.append(
                        Combatant(
                            field=f.name,
                            source=f.text,
                            name=name,
                            side=side,
                            group=group or ("part" if sub else None),
                            # a flag the converter dropped: the name may be the country's own
                            country=country or (name if name in country_names() else None),
                            leader=first and not sub,
                        )
                    )
                    first = False
                    country = None
    return out


# --- units -----------------------------------------------------------------------------------


def units(article: Article) -> list[Unit]:
    out: list[Unit] = []
    for side, f in _sides(article, "units"):
        stack: list[tuple[int, str]] = []
        for raw in f.text.split("\n"):
            line = raw.strip()
            if not line:
                continue
            level = len(line) - len(line.lstrip("*"))
            body = line.lstrip("*").strip()
            flag = FLAG.search(body)
            country = flag_country(flag.group()) if flag else None
            name = clean_name(body)
            name = re.sub(r"\s*\([^)]*\)$", "", name).strip()
            if not name or is_unknown(name):
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            ancestors = tuple(n for _, n in reversed(stack))
            if country is None:
                country = next((u.country for u in out if u.name in ancestors and u.country), None)
            out.append(
                Unit(
                    field=f.name,
                    source=_unit_source(name, ancestors),
                    name=name,
                    side=side,
                    parent=ancestors[0] if ancestors else None,
                    ancestors=ancestors,
                    country=country,
                    level=level,
                )
            )
            stack.append((level, name))
    return out


def _unit_source(name: str, ancestors: tuple[str, ...]) -> str:
    return " › ".join((*reversed(ancestors), name))


def commanders(article: Article) -> list[Commander]:
    return _commanders(article, _sides)


def casualties(article: Article, year: int | None) -> list[Casualty]:
    return _casualties(article, year, _sides)


def strength(article: Article) -> list[Strength]:
    return _strength(article, _sides)


def facts(article: Article) -> list[Fact]:
    ov = overview(article)
    year = next((o.end.year for o in ov if o.name == "date" and o.end), None)
    return [
        *ov,
        *combatants(article),
        *commanders(article),
        *units(article),
        *casualties(article, year),
        *strength(article),
    ]
