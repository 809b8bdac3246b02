"""Commander fields -> one Commander per person, with rank, unit or role, flag country and †.

The converter merges what Wikipedia's ``<br>`` separated ("Col. Charles Piroth † (artillery)
Lt. Col. André Lalande", "Gyrth Godwinson Leofwine Godwinson"), drops flags it does not know
(a leading space is left) and drops ``{{KIA}}`` (fallen.py reads the body for it). A line is
cut into people at the field's own links, at a rank after a name, and after a †. A rank the
data file does not list ("Generalfeldmarschall", "Général de division") is still read as a
rank when its words are rank words (data/ranks.yaml).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from . import datafiles
from .model import Article, Commander, Field

FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}")
_IMAGE_FILE = re.compile(r"^.*?\.(?:svg|png|jpe?g|gif|webp)\s+", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(commander|chief|leader|head|deputy|spokes(?:man|woman|person)|advis[eo]r|governor|"
    r"emir|minister|officer|general staff)\b",
    re.IGNORECASE,
)
_QUALIFIERS = {"possibly", "alleged", "allegedly", "unconfirmed", "disputed", "reportedly"}
_UNKNOWN = {"unknown", "n/a", "none", "unclear", "various", "-", "–", "?", "undefined"}
_DEAD = "†"
_CMD_TOKEN = re.compile(rf"(?P<flag>{FLAG.pattern})|\((?P<paren>[^()]*)\)|(?P<text>[^()\n]+)|\n")


def flag_country(flag: str) -> str | None:
    code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in flag)
    return datafiles.load("countries.yaml").get(code)


def is_unknown(text: str) -> bool:
    return text.strip().strip(".").lower() in _UNKNOWN


def clean_name(text: str) -> str:
    text = FLAG.sub(" ", text)
    text = _IMAGE_FILE.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,;:*")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Rank as written -> full rank, longest first so 'Maj. Gen.' wins over 'Maj.'."""
    table = datafiles.load("ranks.yaml")["abbreviations"]
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@cache
def _vocabulary() -> tuple[frozenset[str], ...]:
    data = datafiles.load("ranks.yaml")
    return tuple(
        frozenset(w.lower() for w in data[k])
        for k in ("words", "prefixes", "joiners", "complements")
    )


def _rank_word(token: str) -> bool:
    words, prefixes, _, _ = _vocabulary()
    parts = token.lower().strip(",").split("-")
    return any(p in words for p in parts) and all(p in words or p in prefixes for p in parts)


def _rank_length(tokens: list[str]) -> int:
    """How many of the leading tokens are a rank ("Général de division Jean Dupont" -> 3)."""
    _, prefixes, joiners, complements = _vocabulary()
    i = end = 0
    while i < len(tokens):
        low = tokens[i].lower()
        if _rank_word(tokens[i]):
            i = end = i + 1
        elif (
            low in prefixes
            and i + 1 < len(tokens)
            and (_rank_word(tokens[i + 1]) or tokens[i + 1].lower() in prefixes)
        ):
            i += 1
        elif end == i and end and low in joiners:
            j = i
            while j < len(tokens) and tokens[j].lower() in joiners:
                j += 1
            if j < len(tokens) and tokens[j].lower() in complements:
                while j < len(tokens) and tokens[j].lower() in complements:
                    j += 1
                i = end = j
            else:
                break
        else:
            break
    return end


@lru_cache(maxsize=4096)
def split_rank(name: str) -> tuple[str | None, str]:
    """('Lt. Gen.', 'James Longstreet'), ('Général de division', 'Jean Dupont'), (None, name)."""
    tokens = name.split()
    n = _rank_length(tokens)  # "General der Panzertruppe" is longer than the listed "General"
    for abbr in abbreviations():
        if name.startswith(abbr + " "):
            n = max(n, len(abbr.split()))
            break
    if 0 < n < len(tokens):
        return " ".join(tokens[:n]), " ".join(tokens[n:])
    return None, name


def _trailing_rank(text: str) -> int:
    """Where a rank that ends ``text`` starts ("Robert E. Lee Lt. Gen." -> at 'Lt.'), or -1."""
    tokens = list(re.finditer(r"\S+", text))
    for k in range(1, len(tokens)):
        tail = text[tokens[k].start() :].strip()
        rank, rest = split_rank(tail + " X")
        if rank == tail and rest == "X":
            return tokens[k].start()
    return -1


def _people(chunk: str, field: Field) -> list[str]:
    """One merged line -> its people, cut at the field's own links to them ("Gyrth Godwinson
    Leofwine Godwinson"), else at a rank after a name, and after a '†'."""
    pieces = [p for p in re.split(rf"(?<={_DEAD})\s+(?=\S)", chunk) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        cuts = _link_cuts(piece, field) or _rank_cuts(piece)
        starts = [0, *cuts, len(piece)]
        out.extend(piece[a:b].strip() for a, b in pairwise(starts) if piece[a:b].strip())
    return out


@lru_cache(maxsize=256)
def _person_links(field: Field) -> tuple[str, ...]:
    """The texts of the field's links that name people: no flag, no rank."""
    out = []
    for link in field.links:
        text = link.text.strip()
        if not text or FLAG.fullmatch(text) or not _CAPITAL.search(text):
            continue
        if split_rank(text + " X")[1] != "X":  # not a link to a rank
            out.append(text)
    return tuple(out)


_CAPITAL = re.compile(r"[A-Z]")


def _link_cuts(piece: str, field: Field) -> list[int]:
    found, pos = [], 0
    for text in _person_links(field):
        at = piece.find(text, pos)
        if at >= 0:
            found.append(at)
            pos = at + len(text)
    cuts = []
    for at in found[1:]:
        rank_at = _trailing_rank(piece[:at])
        cuts.append(rank_at if rank_at > 0 else at)
    return cuts


def _rank_cuts(piece: str) -> list[int]:
    """'Robert E. Lee Lt. Gen. James Longstreet': a rank with a dot after two words of a name."""
    cuts = []
    for abbr in abbreviations():
        if "." not in abbr or abbr not in piece:
            continue
        for m in re.finditer(rf"(?<=\S)\s+{re.escape(abbr)}\s+(?=[A-Z])", piece):
            before = piece[: m.start()].split()
            if len(before) >= 2 and _trailing_rank(piece[: m.start()]) < 0:
                cuts.append(m.start() + 1)
    return sorted(set(cuts))


_TENURE = re.compile(r"(?:until|from|to|after|before|since)\s+\S*\d", re.IGNORECASE)


def _note(who: dict, note: str) -> None:
    if note.lower() in _QUALIFIERS:
        who["qualifier"] = note.lower()
    elif _TENURE.match(note):
        who["tenure"] = note  # "(until 16 October 1915)": when, not what, he commanded
    elif who["unit"] is None and who["role"] is None:
        if _ROLE_WORDS.search(note):
            who["role"] = note
        else:
            who["unit"] = note


def _person(chunk: str, flag: str | None) -> dict | None:
    killed = _DEAD in chunk
    rank, name = split_rank(clean_name(chunk.replace(_DEAD, "")))
    if not name or is_unknown(name) or not re.search(r"[A-Za-z]", name):
        return None
    return {"name": name, "rank": rank, "unit": None, "role": None, "country": flag,
            "killed": killed, "qualifier": None, "tenure": None}  # fmt: skip


def _field_people(f: Field) -> list[dict]:
    people: list[dict] = []
    flag = None
    for m in _CMD_TOKEN.finditer(f.text):
        if m.group("flag"):
            flag = flag_country(m.group("flag"))
        elif m.group("paren") is not None:
            note = m.group("paren").strip()
            if people and note:
                _note(people[-1], note)
        elif m.group("text"):
            for chunk in re.split(r"\s{2,}", m.group("text")):
                for part in _people(chunk.strip(), f) if chunk.strip() else ():
                    who = _person(part, flag)
                    flag = None
                    if who:
                        people.append(who)
    return people


def commanders(article: Article, sides) -> list[Commander]:
    out: list[Commander] = []
    for side, f in sides(article, "commander"):
        for p in _field_people(f):
            out.append(Commander(field=f.name, source=_source(p), side=side, **p))
    return out


def _source(p: dict) -> str:
    s = " ".join(x for x in (p["rank"], p["name"]) if x)
    if p["killed"]:
        s += " †"
    note = p["unit"] or p["role"] or p["tenure"]
    if note:
        s += f" ({note})"
    if p["qualifier"]:
        s += f" ({p['qualifier']})"
    if p["country"]:
        s = f"{p['country']}: {s}"
    return s
