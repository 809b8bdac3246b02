"""Which reader an article file needs, told by its content before its name: the converter's
Markdown with a YAML front matter, a Special:Export XML file (plain, .bz2 or .gz; each article
page an article of its own), or Wikipedia's wikitext (.wiki, or a .txt holding it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from . import article, export
from .model import Article, DeirquizError

WIKITEXT_SUFFIXES = (".wiki", ".wikitext", ".mediawiki")
EXPORT_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz")
_HEAD = 4096
_WIKI_SIGNS = ("{{", "[[", "'''", "\n==")


def _head(path: Path) -> bytes:
    article.check_file(path)
    try:
        with path.open("rb") as f:
            return f.read(_HEAD)
    except OSError as e:
        raise DeirquizError(str(path), e.strerror or "cannot be read") from None


def _text(head: bytes) -> str:
    codec = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    return head.decode(codec, "ignore").lstrip(" \t\r\n\ufeff")


def kind(path: Path, head: bytes) -> str:
    """'export', 'markdown' or 'wikitext': by the content, the name deciding only where the
    content does not (a .md without front matter is Markdown that lacks it)."""
    text = _text(head)
    name = path.name.lower()
    if export.is_compressed(head) or text.startswith(("<?xml", "<mediawiki")):
        return "export"
    if text.startswith("<!--") and "<mediawiki" in text:
        return "export"
    if text.startswith("---") or name.endswith(article.ARTICLE_SUFFIXES):
        return "markdown"
    if name.endswith(EXPORT_SUFFIXES):
        return "export"
    return "wikitext"


def load_any(path: str | Path) -> Article:
    if isinstance(path, export.PageRef):
        return export.load(path)
    path = Path(path)
    found = kind(path, _head(path))
    if found == "export":
        return export.load_file(path)
    text = article.read(path)
    if found == "markdown":
        return article.parse(text, str(path))
    from . import wikitext

    return wikitext.parse(text, str(path))


def _is_article_file(path: Path) -> bool:
    """A file a folder's scan takes: by its name, and a .txt only when it holds wikitext or
    front matter (a folder's notes.txt is no article)."""
    name = path.name.lower()
    if name.endswith((*article.ARTICLE_SUFFIXES, *WIKITEXT_SUFFIXES, *EXPORT_SUFFIXES)):
        return True
    if not name.endswith(".txt"):
        return False
    try:
        text = _text(_head(path))
    except DeirquizError:
        return True  # let loading it say what is wrong
    return text.startswith("---") or any(sign in text for sign in _WIKI_SIGNS)


def _expand(path: Path) -> list[Path]:
    """The file, or each article page of an export."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        regular = False
    if not regular:
        return [path]  # loading it says what it is
    try:
        head = _head(path)
    except DeirquizError:
        return [path]
    if kind(path, head) == "export":
        return list(export.refs(path))
    return [path]


def find_all(sources: list[str | Path]) -> list[Path]:
    """Files and folders -> articles, sorted within a folder, each listed once."""
    out: list[Path] = []
    for src in sources:
        if isinstance(src, export.PageRef):
            out.append(src)
            continue
        p = Path(src)
        try:
            if p.is_dir():
                found = sorted(f for f in p.iterdir() if f.is_file() and _is_article_file(f))
                if not found:
                    raise DeirquizError(
                        str(p), "the folder holds no article files (*.md, *.wiki, *.xml, …)"
                    )
                for f in found:
                    out.extend(_expand(f))
            elif p.exists():
                out.extend(_expand(p))
            else:
                raise DeirquizError(str(p), "no such file or folder")
        except OSError as e:  # a name too long, a folder we may not read
            raise DeirquizError(str(p), e.strerror or "cannot be read") from None
    return _unique(out)


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[object] = set()
    unique = []
    for f in paths:
        try:
            resolved = Path(f.file if isinstance(f, export.PageRef) else f).resolve()
        except OSError:
            resolved = Path(f)
        key = (resolved, f.index, f.error) if isinstance(f, export.PageRef) else resolved
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
