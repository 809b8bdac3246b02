"""The Markdown body -> lead, sections and See also, without what the converter leaves behind.

On real pages the converter lets some wikitext through: a reference tag (``</ref>``,
``<ref name="x" />``), a template it does not know (``{{legend|#f00|British}}``), a comment, a
heading it did not see because a space stood before it (``Mu. ==Colours and badge== Xi.``), a
table turned into Markdown pipes. None of it is prose: tags, templates and tables are dropped,
and a heading run into a paragraph is a heading again. Linear-time patterns only: a hostile line
must not make a regex backtrack for minutes (every scan here is bounded or stops at a fixed mark).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Section

_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\(.*\)\s*$")  # URLs may hold brackets: "(2011).svg"
# A heading's closing '#'s are stripped in code; a link's text and target hold no bracket, its
# target one level of parentheses ("Battle_(2017)"), so every scan stops at the next link.
_HEADING = re.compile(r"(#{1,6})\s")
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\((?:[^()\[\]]|\([^()\[\]]*\))*\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_LIST_ITEM = re.compile(r"^\s*[*+-]\s+(.*)$")
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_REF = re.compile(
    r"<ref\b[^<>]{0,300}/\s*>|<ref\b[^<>]{0,300}>[^<]{0,3000}</ref\s*>|</?ref\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"<!--[^\n]{0,500}?-->")
# a template's name, then its arguments or its end: never Anki's "{{c1::…}}"
_TEMPLATE = re.compile(r"\{\{\s*[A-Za-z][\w .-]{0,60}\s*(?:\|[^{}]{0,2000})?\}\}")
_RUN_IN_HEADING = re.compile(r"(?:^|(?<=\s))(={2,6})[ \t]*([^=\n]{1,200}?)[ \t]*\1(?=\s|$)")


def clean_inline(text: str) -> str:
    """A line as a reader sees it: links as their text, no emphasis marks, no leftovers."""
    text = leftovers(text)
    text = _MD_LINK.sub(r"\1", text)
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def leftovers(text: str) -> str:
    """The text without reference tags, comments and templates the converter let through."""
    before = text
    if "<" in text:
        text = _COMMENT.sub("", _REF.sub("", text))
    for _ in range(5):  # templates inside templates, innermost first
        if "{{" not in text:
            break
        text, n = _TEMPLATE.subn("", text)
        if not n:
            break
    return re.sub(r"[ \t]+([.,;:])", r"\1", text) if text != before else text


def _lines(body: str) -> Iterator[str]:
    """The body's lines, a heading run into a paragraph ("… ==Colours== …") on its own line as
    the Markdown heading it is."""
    for line in body.split("\n"):
        if "==" not in line or _HEADING.match(line):
            yield line
            continue
        pos = 0
        for m in _RUN_IN_HEADING.finditer(line):
            yield line[pos : m.start()]
            yield "#" * len(m.group(1)) + " " + m.group(2).strip()
            pos = m.end()
        yield line[pos:]


class _Reader:
    def __init__(self) -> None:
        self.lead: list[str] = []
        self.sections: list[Section] = []
        self.see_also: list[str] = []
        self.path: list[tuple[int, str]] = []
        self.current: list[str] | None = None
        self.heading = ""
        self.level = 0
        self.para: list[str] = []
        self.target = self.lead

    def flush_para(self) -> None:
        if self.para:
            text = clean_inline(" ".join(self.para))
            if text:
                self.target.append(text)
            self.para.clear()

    def flush_section(self) -> None:
        self.flush_para()
        if self.current is not None and self.heading:
            path = tuple(h for _, h in self.path)
            self.sections.append(Section(self.heading, self.level, path, tuple(self.current)))

    def open_section(self, level: int, rest: str) -> None:
        self.flush_section()
        self.level = level
        self.heading = clean_inline(heading_text(rest))
        while self.path and self.path[-1][0] >= level:
            self.path.pop()
        self.path.append((level, self.heading))
        self.current = []
        self.target = self.current

    def line(self, line: str) -> None:
        if _IMAGE_LINE.match(line) or _TABLE_LINE.match(line) or not line.strip():
            self.flush_para()
            return
        item = _LIST_ITEM.match(line)
        if self.heading.lower() == "see also":
            if item:
                self.see_also.append(clean_inline(item.group(1)))
            return
        if item:  # a list item stands as its own paragraph
            self.flush_para()
            self.para.append(item.group(1))
            self.flush_para()
            return
        self.para.append(line.strip())


def read_body(body: str) -> tuple[tuple[str, ...], tuple[Section, ...], tuple[str, ...]]:
    """(lead paragraphs, sections, See also titles); See also and References are no sections."""
    r = _Reader()
    for line in _lines(body):
        m = _HEADING.match(line)
        if m:
            r.open_section(len(m.group(1)), line[m.end() :])
        else:
            r.line(line)
    r.flush_section()
    sections = [s for s in r.sections if not _APPENDIX.intersection(h.lower() for h in s.path)]
    return tuple(r.lead), tuple(sections), tuple(r.see_also)


# Wikipedia's appendices (and whatever stands under them): lists of works, not narrative
_APPENDIX = frozenset({
    "see also", "references", "notes", "citations", "bibliography", "sources", "further reading",
    "external links", "footnotes", "works cited",
})  # fmt: skip


def heading_text(rest: str) -> str:
    """A heading's text without its optional closing '#'s ("## Battle ##" -> "Battle")."""
    rest = rest.strip()
    closed = rest.rstrip("#")
    return closed.rstrip() if closed != rest else rest


def bold_terms(body: str) -> tuple[str, ...]:
    return tuple(clean_inline(a or b) for a, b in _BOLD.findall(body) if (a or b).strip())
