"""Load an article file: decode, repair the converter's mojibake, split front matter and body.

Everything a user can get wrong in the file becomes a DeirquizError naming the file and the fault.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import yaml

from .body import bold_terms, read_body
from .model import WINDOWS_DEVICES, Article, DeirquizError, Field, Link
from .userbytes import decode, read_bytes
from .yamlstrings import StringLoader, clean, clean_tree

MAX_BYTES = 2_000_000  # the longest Wikipedia articles are about 1 MB of wikitext
ARTICLE_SUFFIXES = (".md", ".markdown")  # Markdown; sources.py adds wikitext and exports

# Linear-time patterns only: a hostile line must not make a regex backtrack for minutes (the
# body's own patterns are in body.py).
_FENCE = re.compile(r"-{3,}[ \t]*")  # a front matter delimiter line
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # no place in text; ESC drives terminals
_WIKI = "https://en.wikipedia.org/wiki/"
_PLAIN_LINE = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*")  # no ftfy fixer changes such a line


def _split(text: str, where: str) -> tuple[str, str, int]:
    """(front matter, body, file line of the front matter's first line): python-frontmatter's
    YAML handler finds the fences; the line number lets a YAML error name the line as the user's
    editor numbers it. (Its loader is not used: ours keeps scalars as text and refuses aliases.)"""
    from frontmatter import YAMLHandler

    handler = YAMLHandler()
    lead = len(text) - len(text.lstrip(" \t\n\ufeff"))
    body = text[lead:]
    if not handler.detect(body):
        raise DeirquizError(where, "no YAML front matter (the file must start with a '---' line)")
    opening = handler.FM_BOUNDARY.match(body)
    if opening is None or handler.FM_BOUNDARY.search(body, opening.end()) is None:
        raise DeirquizError(where, "front matter is not closed by a '---' line")
    fm, content = handler.split(body)
    first_line = text.count("\n", 0, lead + opening.end()) + 1
    return fm, content.removeprefix("\n"), first_line


def _load_yaml(fm: str, first_line: int, where: str) -> object:
    """The front matter as plain data; every way it can fail names the line."""
    try:
        meta = _fast_load(fm)
        # StringLoader cleans each scalar as it reads it; libyaml's strings are cleaned here
        return clean_tree(meta) if meta is not None else yaml.load(fm, Loader=StringLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f"line {mark.line + first_line}: " if mark is not None else ""
        problem = e.problem or e.context or "not valid YAML"
        raise DeirquizError(where, f"front matter YAML does not parse: {line}{problem}") from None
    except yaml.reader.ReaderError as e:
        number = fm.count("\n", 0, max(e.position, 0)) + first_line
        char = str(e.character) if isinstance(e.character, str) else chr(e.character)
        raise DeirquizError(
            where,
            f"front matter YAML does not parse: line {number}: character U+{ord(char):04X} "
            "is not allowed",
        ) from None
    except yaml.YAMLError as e:
        problem = " ".join(str(e).split())
        raise DeirquizError(where, f"front matter YAML does not parse: {problem}") from None
    except RecursionError:
        raise DeirquizError(
            where, "front matter YAML is nested too deeply to be an infobox"
        ) from None


_FAST_LOADER = getattr(yaml, "CBaseLoader", None)
# libyaml accepts these where PyYAML refuses them (a tab in a plain scalar, a stray BOM) or may
# read them otherwise (Unicode line breaks): such front matter goes to the PyYAML loader
_LIBYAML_LAX = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")


def _fast_load(fm: str) -> dict | None:
    """The front matter read by libyaml (a tenth of the pure-Python loader's time), or None when
    it holds an alias or does not parse: the Python loader then refuses it with its own message."""
    if _FAST_LOADER is None or any(c in fm for c in _LIBYAML_LAX):
        return None
    try:
        # an alias needs an anchor ('&'); without one libyaml refuses it and we fall back
        if (
            "*" in fm
            and "&" in fm
            and any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(fm, Loader=_FAST_LOADER))
        ):
            return None
        meta = yaml.load(fm, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else None


def repair(text: str) -> str:
    """Undo the converter's double encoding (``â€“`` -> ``–``, ``ðŸ‡·ðŸ‡º`` -> 🇷🇺), keeping
    typographic quotes, which ftfy would otherwise straighten."""
    if text.isascii():
        return text
    import ftfy

    config = ftfy.TextFixerConfig(
        explain=False, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC"
    )
    # ftfy.fix_text's own loop, line by line, minus the cost of fixing lines that no fixer
    # changes (printable ASCII without '&'): most of an article, and most of ftfy's time.
    out = []
    pos = 0
    while pos < len(text):
        end = min(text.find("\n", pos) + 1 or len(text), pos + config.max_decode_length)
        segment = text[pos:end]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        if _PLAIN_LINE.fullmatch(segment):
            out.append(segment)
        else:
            out.append(_two_bytes(ftfy.fix_and_explain(segment, config).text))
        pos = end
    return "".join(out)


# a letter of Latin Extended-A read as two cp1252 characters, which ftfy leaves where the line
# gives it too little to go on ("ÅŒyama Iwao" is Ōyama, "ÄŒ" is Č)
_TWO_BYTES = re.compile(
    "[\u00c4\u00c5][\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    "\u00a0-\u00bf]"
)


def _two_bytes(text: str) -> str:
    def fix(m: re.Match) -> str:
        try:
            return m.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return m.group()

    return _TWO_BYTES.sub(fix, text) if ("\u00c4" in text or "\u00c5" in text) else text


def slugify(title: str, max_len: int = 60) -> str:
    """A short, safe file name stem: ASCII letters, digits and hyphens only."""
    spaced = "".join(" " if unicodedata.category(c)[0] in "PZS" else c for c in title)
    s = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        # cut, and tell apart two long titles that differ only after the cut: their files and
        # their Anki note ids would otherwise be one
        digest = hashlib.sha1(title.encode("utf-8", "replace")).hexdigest()[:8]
        cut = max_len - len(digest) - 1
        s = (s[:cut].rsplit("-", 1)[0] or s[:cut]).strip("-") + "-" + digest
    s = s.strip("-")
    if not s:  # a title of no Latin letters: its own stem, so two such titles do not collide
        s = "article-" + hashlib.sha1(title.encode("utf-8", "replace")).hexdigest()[:8]
    if WINDOWS_DEVICES.fullmatch(s):  # CON.md cannot be opened on Windows
        s = f"article-{s}"
    return s


def wiki_url(title: str, base: str | None = None) -> str:
    """The article's address on its wiki (English Wikipedia unless ``base`` names another)."""
    from urllib.parse import quote

    return (base or _WIKI) + quote(title.replace(" ", "_"), safe="()_-,.'’:")


def _as_text(value: object, where: str, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise DeirquizError(where, f"infobox field {name!r}: expected text, got a {_kind(value)}")


def _kind(value: object) -> str:
    names: dict[type, str] = {dict: "mapping", list: "list", str: "string"}
    return names.get(type(value), type(value).__name__)


def _field(name: str, raw: object, where: str) -> Field:
    if isinstance(raw, str):
        return Field(name=name, text=raw.strip())
    if not isinstance(raw, dict):
        raise DeirquizError(where, f"infobox field {name!r} must be a mapping, not a {_kind(raw)}")
    text = _as_text(raw.get("text"), where, name)
    links = []
    raw_links = raw.get("links") or []
    if not isinstance(raw_links, list):
        raise DeirquizError(where, f"infobox field {name!r}: 'links' must be a list")
    for link in raw_links:
        if not isinstance(link, dict):
            continue
        page = link.get("page")
        page = page.strip() if isinstance(page, str) else ""
        if page.lower() in ("", "undefined", "null", "none"):
            page = ""
        ltext = link.get("text")
        ltext = ltext.strip() if isinstance(ltext, str) else ""
        if page or ltext:
            links.append(Link(text=ltext or page, page=page or ltext))
    fmt = raw.get("formatting") or {}
    bold: tuple[str, ...] = ()
    italic: tuple[str, ...] = ()
    if isinstance(fmt, dict):
        bold = tuple(b.strip() for b in fmt.get("bold") or [] if isinstance(b, str))
        italic = tuple(i.strip() for i in fmt.get("italic") or [] if isinstance(i, str))
    lines = [ln.rstrip() for ln in text.strip("\n").split("\n")]
    return Field(
        name=name, text="\n".join(lines).strip(), links=tuple(links), bold=bold, italic=italic
    )


def _infobox(meta: dict, where: str) -> dict[str, Field]:
    boxes = meta.get("infoboxes")
    if boxes is None or boxes == "":
        return {}
    if isinstance(boxes, dict):
        boxes = [boxes]
    if not isinstance(boxes, list):
        raise DeirquizError(where, f"'infoboxes' must be a list of mappings, not a {_kind(boxes)}")
    fields: dict[str, Field] = {}
    for i, box in enumerate(boxes, 1):
        if not isinstance(box, dict):
            raise DeirquizError(
                where, f"'infoboxes' item {i} must be a mapping, not a {_kind(box)}"
            )
        for name, raw in box.items():
            if name not in fields:  # the first infobox is the article's own
                fields[name] = _field(str(name), raw, where)
    return fields


def parse(text: str, where: str) -> Article:
    """Parse already-decoded article text."""
    text = repair(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROLS.sub("", text)
    fm, body, first_line = _split(text, where)
    meta = _load_yaml(fm, first_line, where)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DeirquizError(where, f"front matter must be a mapping, not a {_kind(meta)}")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        title = clean(Path(where).stem).replace("-", " ").replace("_", " ").strip() or "Untitled"
    title = re.sub(r"\s+", " ", title).strip()
    description = meta.get("description")
    description = re.sub(r"\s+", " ", description).strip() if isinstance(description, str) else ""
    short = meta.get("shortDescription")
    short = re.sub(r"\s+", " ", short).strip() if isinstance(short, str) else ""
    url = meta.get("url") or meta.get("source")
    url = url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
    infobox = _infobox(meta, where)
    lead, sections, see_also = read_body(body)
    article = Article(
        title=title,
        source=where,
        url=url or wiki_url(title),
        slug=slugify(title),
        description=description,
        infobox=infobox,
        lead=lead,
        sections=sections,
        see_also=see_also,
        short_description=short[:200],
        terms=bold_terms(body),
    )
    return article


def read(path: Path) -> str:
    """The file's text; a file of more than MAX_BYTES is refused unread, and so is anything that
    is not a regular file (a pipe would block, /dev/zero would never end)."""
    return decode(read_bytes(path, MAX_BYTES), str(path))


def check_file(path: Path) -> int:
    """The size of the regular file at ``path``; anything else is refused unread (a pipe would
    block, /dev/zero would never end)."""
    where = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DeirquizError(where, "no such file or folder") from None
    except OSError as e:
        raise DeirquizError(where, e.strerror or "cannot be read") from None
    if stat.S_ISDIR(info.st_mode):
        raise DeirquizError(where, "is a folder, not an article file")
    if not stat.S_ISREG(info.st_mode):
        raise DeirquizError(where, "is not a regular file (a device or a pipe?)")
    return info.st_size


def load(path: str | Path) -> Article:
    """Read and parse one article: Markdown with front matter, wikitext, or a page of an
    export (sources.py tells which by the file's content)."""
    from .sources import load_any

    return load_any(path)


def find_articles(sources: Sequence[str | Path]) -> list[Path]:
    """Expand files and folders into articles, each listed once: article files, and each
    article page of an export file (sources.py)."""
    from .sources import find_all

    return find_all(list(sources))


def bundled_seed() -> Path:
    return Path(__file__).parent / "data" / "deir-ez-zor-offensive.md"
