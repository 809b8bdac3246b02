"""Infobox fields -> facts: overview, combatants, commanders, units, casualties, strength.

The converter flattens Wikipedia's infobox templates into text with list markers, flag emoji
and parenthesised notes; these readers undo that layout, never an article's particular wording.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import yaml

from . import dates, limits
from .model import (
    Article,
    Combatant,
    Commander,
    Fact,
    Field,
    Overview,
    Unit,
)

FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}")
_IMAGE_FILE = re.compile(r"^.*?\.(?:svg|png|jpe?g|gif|webp)\s+", re.IGNORECASE)
_SIDE_FIELD = re.compile(r"^(combatant|commander|units|casualties|strength)(\d+)$")
_UNKNOWN = {"unknown", "n/a", "none", "unclear", "various", "-", "–", "?"}
_ROLE_WORDS = re.compile(
    r"\b(commander|chief|leader|head|deputy|spokes(?:man|woman|person)|advis[eo]r|governor|"
    r"emir|minister|officer|general staff)\b",
    re.IGNORECASE,
)
_QUALIFIERS = {"possibly", "alleged", "allegedly", "unconfirmed", "disputed", "reportedly"}
_DEAD = "†"


@cache  # one entry per data file: a size of 1 reloaded them in turn
def _data(name: str) -> dict:
    with open(Path(__file__).parent / "data" / name, encoding="utf-8") as f:
        # shipped files: libyaml reads them as the pure-Python BaseLoader does, ten times faster
        return yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))


def flag_country(flag: str) -> str | None:
    code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in flag)
    return _data("countries.yaml").get(code)


@cache
def country_names() -> frozenset[str]:
    """Every country's short name: a country is no wrong option for a village."""
    return frozenset(_data("countries.yaml").values())


def ranks() -> dict[str, str]:
    """Abbreviation -> full rank, longest first so 'Maj. Gen.' wins over 'Maj.'."""
    return dict(_ranks())


@lru_cache(maxsize=1)
def _ranks() -> dict[str, str]:
    table = _data("ranks.yaml")["abbreviations"]
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


def rank_distractors() -> list[str]:
    return list(_data("ranks.yaml")["distractors"])


def is_unknown(text: str) -> bool:
    return text.strip().strip(".").lower() in _UNKNOWN


def _clean_name(text: str) -> str:
    text = FLAG.sub(" ", text)
    text = _IMAGE_FILE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,;:*")


# --- overview ---------------------------------------------------------------------------


def overview(article: Article) -> list[Overview]:
    box = article.infobox
    out: list[Overview] = []
    if "date" in box:
        f = box["date"]
        rng = dates.parse_range(f.text)
        if rng:
            out.append(
                Overview(
                    field="date",
                    source=f.text,
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
            out.append(Overview(field="result", source=head[0], name="result", value=head[0]))
        for ln in [ln for ln in lines if ln.startswith("*")][: limits.RESULT_POINTS]:
            point = ln.lstrip("* ").strip()
            out.append(Overview(field="result", source=point, name="result_point", value=point))
    codename = _codename(article)
    if codename:
        out.append(codename)
    return out


_CODENAMED = re.compile(r",?\s+(?:codenamed|code-named|code named)\s+(?P<name>[^,(.;]+)")


def _codename(article: Article) -> Overview | None:
    """The subject's own codename: only when the sentence names the article's subject just before
    'codenamed' (a codename of some other operation belongs to the events)."""
    subjects = {t for t in article.terms[:1]}
    for _, para in article.paragraphs:
        for subject in subjects:
            m = re.search(re.escape(subject) + _CODENAMED.pattern, para)
            if m:
                name = m.group("name").strip()
                if name in article.terms:
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


def side_lines(article: Article, prefix: str) -> Iterator[tuple[int, Field, str]]:
    """(side, field, line) for the list lines of the side fields ('casualties2', ...): the first
    limits.FIGURE_LINES of them."""
    lines = (
        (side, f, raw.strip().lstrip("* ").strip())
        for side, f in _sides(article, prefix)
        for raw in f.text.split("\n")
    )
    return itertools.islice(lines, limits.FIGURE_LINES)


def combatants(article: Article) -> list[Combatant]:
    """The belligerents of each side, the first limits.COMBATANTS of them."""
    out = list(itertools.islice(_combatants(article), limits.COMBATANTS))
    return out


def _combatants(article: Article) -> Iterator[Combatant]:
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
                    name = _clean_name(chunk)
                    if not name or is_unknown(name):
                        continue
                    yield Combatant(
                        field=f.name,
                        source=f.text,
                        name=name,
                        side=side,
                        group=group or ("part" if sub else None),
                        country=country,
                        leader=first and not sub,
                    )
                    first = False
                    country = None


# --- commanders ----------------------------------------------------------------------------

_CMD_TOKEN = re.compile(rf"(?P<flag>{FLAG.pattern})|\((?P<paren>[^()]*)\)|(?P<text>[^()\n]+)|\n")


def _split_rank(name: str) -> tuple[str | None, str]:
    for abbr in _ranks():
        if name.startswith(abbr + " "):
            return abbr, name[len(abbr) + 1 :].strip()
    return None, name


def commanders(article: Article) -> list[Commander]:
    """The commanders of each side, the first limits.COMMANDERS of them."""
    out: list[Commander] = []
    for side, f in _sides(article, "commander"):
        people: list[dict] = []
        flag = None
        for m in _CMD_TOKEN.finditer(f.text):
            if len(out) + len(people) > limits.COMMANDERS:
                break
            if m.group("flag"):
                flag = flag_country(m.group("flag"))
            elif m.group("paren") is not None:
                note = m.group("paren").strip()
                if not people or not note:
                    continue
                who = people[-1]
                if note.lower() in _QUALIFIERS:
                    who["qualifier"] = note.lower()
                elif who["unit"] is None and who["role"] is None:
                    if _ROLE_WORDS.search(note):
                        who["role"] = note
                    else:
                        who["unit"] = note
            elif m.group("text"):
                for chunk in re.split(r"\s{2,}", m.group("text")):
                    chunk = chunk.strip()
                    if not chunk:
                        continue
                    killed = _DEAD in chunk
                    chunk = chunk.replace(_DEAD, "").strip()
                    rank, name = _split_rank(_clean_name(chunk))
                    if not name or is_unknown(name) or not re.search(r"[A-Za-z]", name):
                        flag = None
                        continue
                    people.append(
                        {"name": name, "rank": rank, "unit": None, "role": None,
                         "country": flag, "killed": killed, "qualifier": None}
                    )  # fmt: skip
                    flag = None
        for p in people:
            out.append(Commander(field=f.name, source=_commander_source(p), side=side, **p))
    return out[: limits.COMMANDERS]


def _commander_source(p: dict) -> str:
    s = " ".join(x for x in (p["rank"], p["name"]) if x)
    if p["killed"]:
        s += " †"
    note = p["unit"] or p["role"]
    if note:
        s += f" ({note})"
    if p["qualifier"]:
        s += f" ({p['qualifier']})"
    if p["country"]:
        s = f"{p['country']}: {s}"
    return s


# --- units -----------------------------------------------------------------------------------


def units(article: Article) -> list[Unit]:
    """The order of battle as a tree: the first limits.UNITS formations, limits.UNIT_DEPTH
    levels deep at most."""
    out: list[Unit] = []
    flagged: dict[str, tuple[int, str]] = {}  # name -> (first unit of that name with a country)
    for side, f in _sides(article, "units"):
        stack: list[tuple[int, str]] = []
        for raw in f.text.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if len(out) >= limits.UNITS:
                return out
            level = len(line) - len(line.lstrip("*"))
            if level > limits.UNIT_DEPTH:
                continue
            body = line.lstrip("*").strip()
            flag = FLAG.search(body)
            country = flag_country(flag.group()) if flag else None
            name = _clean_name(body)
            name = re.sub(r"\s*\([^)]*\)$", "", name).strip()
            if not name or is_unknown(name):
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            ancestors = tuple(n for _, n in reversed(stack))
            if country is None:  # the country of the first listed ancestor that has one
                country = min((flagged[n] for n in ancestors if n in flagged), default=(0, None))[1]
            if country:
                flagged.setdefault(name, (len(out), country))
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


def facts(article: Article) -> list[Fact]:
    from .figures import casualties, strength

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
