"""Load an article file: decode, repair the converter's mojibake, split front matter and body.

Everything a user can get wrong in the file becomes a DeirquizError naming the file and the fault.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from pathlib import Path

import yaml

from .body import bold_terms, read_body
from .model import Article, DeirquizError, Field, Link
from .yamlstrings import StringLoader

MAX_BYTES = 2_000_000  # the longest Wikipedia articles are about 1 MB of wikitext
ARTICLE_SUFFIXES = (".md", ".markdown")

# Linear-time patterns only: a hostile line must not make a regex backtrack for minutes (the
# body's own patterns are in body.py).
_FENCE = re.compile(r"-{3,}[ \t]*")  # a front matter delimiter line
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # no place in text; ESC drives terminals
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # C0 controls but tab, CR, LF
_RESERVED = re.compile(r"con|prn|aux|nul|com[0-9]|lpt[0-9]")  # Windows device names
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
    if handler.FM_BOUNDARY.search(body, opening.end()) is None:
        raise DeirquizError(where, "front matter is not closed by a '---' line")
    fm, content = handler.split(body)
    first_line = text.count("\n", 0, lead + opening.end()) + 1
    return fm, content.removeprefix("\n"), first_line


def _load_yaml(fm: str, first_line: int, where: str) -> object:
    """The front matter as plain data; every way it can fail names the line."""
    try:
        meta = _fast_load(fm)
        return meta if meta is not None else yaml.load(fm, Loader=StringLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f"line {mark.line + first_line}: " if mark is not None else ""
        problem = e.problem or e.context or "not valid YAML"
        raise DeirquizError(where, f"front matter YAML does not parse: {line}{problem}") from None
    except yaml.reader.ReaderError as e:
        line = fm.count("\n", 0, max(e.position, 0)) + first_line
        char = e.character if isinstance(e.character, str) else chr(e.character)
        raise DeirquizError(
            where,
            f"front matter YAML does not parse: line {line}: character U+{ord(char):04X} "
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


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or told by its zero
    bytes), else Windows-1252/Latin-1; text that is more than 1% control characters is binary."""
    if not data.strip():
        raise DeirquizError(where, "the file is empty")
    utf16 = _utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as e:
            raise DeirquizError(where, f"UTF-16 text that does not decode ({e.reason})") from None
    elif b"\x00" in data:
        raise DeirquizError(where, "binary data, not a text article")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if "\ufffd" in text:
                raise DeirquizError(
                    where, "binary data or an unknown encoding, not UTF-8 or Latin-1 text"
                ) from None
    if len(_BINARY.findall(text)) > len(text) // 100:
        raise DeirquizError(where, "binary data, not a text article")
    return text


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text: by its BOM, or, without one, by the zero high bytes of the
    ASCII letters that fill any article (every second byte, and only those, is zero)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > half // 2 and even == 0:
        return "utf-16-le"
    if even > half // 2 and odd == 0:
        return "utf-16-be"
    return None


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
            out.append(ftfy.fix_and_explain(segment, config).text)
        pos = end
    return "".join(out)


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
    if _RESERVED.fullmatch(s):  # CON.md cannot be opened on Windows
        s = f"article-{s}"
    return s


def _wiki_url(title: str) -> str:
    from urllib.parse import quote

    return _WIKI + quote(title.replace(" ", "_"), safe="()_-,.'’:")


def _as_text(value: object, where: str, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise DeirquizError(where, f"infobox field {name!r}: expected text, got a {_kind(value)}")


def _kind(value: object) -> str:
    return {dict: "mapping", list: "list", str: "string"}.get(type(value), type(value).__name__)


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
        title = Path(where).stem.replace("-", " ").replace("_", " ").strip() or "Untitled"
    title = re.sub(r"\s+", " ", title).strip()
    description = meta.get("description")
    description = re.sub(r"\s+", " ", description).strip() if isinstance(description, str) else ""
    url = meta.get("url") or meta.get("source")
    url = url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
    infobox = _infobox(meta, where)
    lead, sections, see_also = read_body(body)
    article = Article(
        title=title,
        source=where,
        url=url or _wiki_url(title),
        slug=slugify(title),
        description=description,
        infobox=infobox,
        lead=lead,
        sections=sections,
        see_also=see_also,
        terms=bold_terms(body),
    )
    return article


def read(path: Path) -> str:
    """The file's text; a file of more than MAX_BYTES is refused unread, and so is anything that
    is not a regular file (a pipe would block, /dev/zero would never end)."""
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
    too_big = f"is larger than any real article (limit {MAX_BYTES:,} bytes)"
    if info.st_size > MAX_BYTES:
        raise DeirquizError(where, f"{info.st_size:,} bytes {too_big}")
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since
    except OSError as e:
        raise DeirquizError(where, e.strerror or "cannot be read") from None
    if len(data) > MAX_BYTES:
        raise DeirquizError(where, too_big)
    return decode(data, where)


def load(path: str | Path) -> Article:
    """Read and parse one article file."""
    path = Path(path)
    return parse(read(path), str(path))


def find_articles(sources: list[str | Path]) -> list[Path]:
    """Expand files and folders into article files, sorted, each listed once."""
    out: list[Path] = []
    for src in sources:
        p = Path(src)
        try:
            if p.is_dir():
                found = sorted(
                    f for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                )
                if not found:
                    raise DeirquizError(str(p), "the folder holds no article files (*.md)")
                out.extend(found)
            elif p.exists():
                out.append(p)
            else:
                raise DeirquizError(str(p), "no such file or folder")
        except OSError as e:  # a name too long, a folder we may not read
            raise DeirquizError(str(p), e.strerror or "cannot be read") from None
    seen: set[Path] = set()
    unique = []
    for f in out:
        try:
            key = f.resolve()
        except OSError:
            key = f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def bundled_seed() -> Path:
    return Path(__file__).parent / "data" / "deir-ez-zor-offensive.md"
