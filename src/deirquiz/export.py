"""Special:Export XML (one page, several, or a whole dump, plain or .bz2) -> one Article a page.

The file streams page by page (iterparse, each page cleared once read), so a dump of any size
takes the memory of one page. XML is read by defusedxml: a DTD, an entity declaration or an
external reference is refused before anything is expanded (an export has none), and no page
may take more than PAGE_XML bytes of XML, so a hostile file cannot fill memory either.
"""

from __future__ import annotations

import bz2
import gzip
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast
from xml.etree.ElementTree import Element, ParseError

from .article import MAX_BYTES
from .model import Article, DeirquizError

PAGE_XML = 2 * MAX_BYTES + (1 << 20)  # a page's text escaped as XML, and its revision's data

if TYPE_CHECKING:
    _Base = Path
else:
    _Base = type(Path())


class PageRef(_Base):
    """One article page of an export, as find_articles lists it: a path that reads as where the
    page is ("pages.xml › Battle of Waterloo"), with the file, the page's place in it and its
    title; or, with ``error``, what makes the file unreadable (said when it is loaded)."""

    file: str
    index: int
    title: str
    error: str | None

    def __reduce__(self):  # the attributes cross to worker processes
        return page_ref, (self.file, self.index, self.title, self.error)


def page_ref(file: str, index: int, title: str, error: str | None = None) -> PageRef:
    shown = f"{file} › {title.replace('/', '∕')}" if title else file
    ref = PageRef(shown)
    ref.file, ref.index, ref.title, ref.error = file, index, title, error
    return ref


@dataclass(frozen=True)
class RawPage:
    index: int
    title: str
    ns: str
    redirect: str | None
    text: str | None
    base: str | None  # the wiki's article address, from <siteinfo><base>


def is_compressed(head: bytes) -> bool:
    return head.startswith((b"BZh", b"\x1f\x8b"))


def refs(path: Path) -> list[PageRef]:
    """Every article page (namespace 0) of the export, read through once; a file that breaks
    off still lists the pages before the break, then the break as a page of its own."""
    out: list[PageRef] = []
    try:
        out.extend(page_ref(str(path), p.index, p.title) for p in pages(path) if p.ns in ("0", ""))
    except DeirquizError as e:
        out.append(page_ref(str(path), -1, "", e.what))
    if not out:
        out.append(page_ref(str(path), -1, "", "an export with no article page in it"))
    return out


def load(ref: PageRef) -> Article:
    from . import wikitext

    if ref.error:
        raise DeirquizError(ref.file, ref.error)
    page = _page_at(ref)
    where = str(ref)
    if page.redirect:
        raise DeirquizError(where, f"is a redirect to '{page.redirect}': save that page instead")
    if not page.text or not page.text.strip():
        raise DeirquizError(where, "the page's text is empty")
    if len(page.text) > MAX_BYTES:
        raise DeirquizError(
            where, f"the page's text is larger than any real article (limit {MAX_BYTES:,})"
        )
    return wikitext.parse(page.text, where, title=page.title, base=page.base)


def load_file(path: Path) -> Article:
    """An export given as one article: it must hold exactly one."""
    found = refs(path)
    if len(found) > 1:
        raise DeirquizError(
            str(path), f"an export of {len(found)} pages: each is an article of its own"
        )
    return load(found[0])


# --- reading the stream -----------------------------------------------------------------------


@dataclass
class _Cursor:
    """This process's open export: its file, the index of the page it reads next, the stream."""

    file: str = ""
    next: int = 0
    stream: Iterator[RawPage] = field(default_factory=lambda: iter(()))


_CURSOR = _Cursor()


def _page_at(ref: PageRef) -> RawPage:
    """The page ``ref`` names. Pages are asked for in order, so the stream read for one page
    goes on for the next: each export is read through once per process, not once per page."""
    if _CURSOR.file != ref.file or _CURSOR.next > ref.index:
        _CURSOR.file, _CURSOR.next, _CURSOR.stream = ref.file, 0, pages(Path(ref.file))
    for page in _CURSOR.stream:
        _CURSOR.next = page.index + 1
        if page.index == ref.index and page.title == ref.title:
            return page
        if page.index >= ref.index:
            break
    _CURSOR.file = ""
    raise DeirquizError(str(ref), "the export changed while it was being read")


class _Metered:
    """The file as iterparse reads it, counting bytes: more than PAGE_XML since the current page
    (or revision) began is refused, whatever the XML holds."""

    def __init__(self, raw: IO[bytes], where: str) -> None:
        self.raw, self.where, self.read_so_far, self.mark = raw, where, 0, 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size if size > 0 else 1 << 16)
        self.read_so_far += len(data)
        if self.read_so_far - self.mark > PAGE_XML:
            raise DeirquizError(
                self.where,
                f"a page is larger than any real article (limit {PAGE_XML:,} bytes of XML)",
            )
        return data


def _open(path: Path) -> IO[bytes]:
    try:
        with path.open("rb") as f:
            head = f.read(4)
        if head.startswith(b"BZh"):
            return cast(IO[bytes], bz2.open(path, "rb"))
        if head.startswith(b"\x1f\x8b"):
            return cast(IO[bytes], gzip.open(path, "rb"))
        return path.open("rb")
    except OSError as e:
        raise DeirquizError(str(path), e.strerror or "cannot be read") from None


def pages(path: Path) -> Iterator[RawPage]:
    """Every <page> of the export, in order, each cleared from memory once read."""
    import defusedxml.ElementTree as safe_et  # type: ignore[import-untyped]
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]

    where = str(path)
    with _open(path) as raw:
        meter = _Metered(raw, where)
        events = safe_et.iterparse(meter, events=("start", "end"), forbid_dtd=True)
        try:
            yield from _walk(events, meter, where)
        except ParseError as e:
            raise DeirquizError(where, f"XML that does not parse ({e})") from None
        except DefusedXmlException:
            raise DeirquizError(
                where, "XML with a DTD or entity declarations, which no export has (refused unread)"
            ) from None
        except (OSError, EOFError, ValueError) as e:  # a damaged .bz2
            raise DeirquizError(where, f"cannot be read ({e})") from None


def _walk(events, meter: _Metered, where: str) -> Iterator[RawPage]:
    root: Element | None = None
    base: str | None = None
    index = 0
    text: str | None = None
    for event, elem in events:
        tag = elem.tag.rsplit("}", 1)[-1]
        if event == "start":
            if root is None:
                root = elem
                if tag != "mediawiki":
                    raise DeirquizError(
                        where, f"XML, but not a MediaWiki export (<{tag}>, not <mediawiki>)"
                    )
            elif tag in ("page", "revision"):
                meter.mark = meter.read_so_far
                text = None if tag == "page" else text
            continue
        if tag == "base" and base is None and elem.text:
            base = _article_base(elem.text)
        elif tag == "revision":  # the last one is the page's current text
            node = _child(elem, "text")
            text = node.text if node is not None else None
            elem.clear()
        elif tag == "page" and root is not None:
            yield _raw_page(elem, index, text, base)
            index += 1
            root.clear()


def _article_base(main_page: str) -> str | None:
    """ "https://en.wikipedia.org/wiki/Main_Page" -> "https://en.wikipedia.org/wiki/"; anything
    but a web address is no base (the article's link would carry it)."""
    main_page = main_page.strip()
    if not main_page.startswith(("https://", "http://")) or any(c.isspace() for c in main_page):
        return None
    return main_page.rsplit("/", 1)[0] + "/"


def _child(elem: Element, name: str) -> Element | None:
    for child in elem:
        if child.tag.rsplit("}", 1)[-1] == name:
            return child
    return None


def _raw_page(elem: Element, index: int, text: str | None, base: str | None) -> RawPage:
    title = _child(elem, "title")
    ns = _child(elem, "ns")
    redirect = _child(elem, "redirect")
    return RawPage(
        index=index,
        title=" ".join((title.text or "").split()) if title is not None else "",
        ns=(ns.text or "").strip() if ns is not None else "0",
        redirect=redirect.get("title") if redirect is not None else None,
        text=text,
        base=base,
    )
