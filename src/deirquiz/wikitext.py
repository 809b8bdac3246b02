"""Wikitext -> Article: the same Article the converter's Markdown gives, read from Wikipedia's own
source, so that infobox.py and events.py read both alike.

The infobox's fields take the converter's layout (a flag emoji before a name, '*' list levels, a
commander's unit as a following "(...)" line, † for killed); the body gives the lead, the
sections with their level and path, the See also items and the bold terms. Wikitext keeps what the
converter loses: a {{KIA}} mark, a flag it does not know, a line break it joins.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Heading
from mwparserfromhell.wikicode import Wikicode

from . import wikiguard, wikitemplates
from .article import slugify, wiki_url
from .model import Article, DeirquizError, Field, Section
from .wikirender import Marks, render
from .wikitemplates import GAP, TREE_END, TREE_START

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_REDIRECT = re.compile(r"#\s*redirect\b", re.IGNORECASE)
_MAGIC = re.compile(r"__[A-Z]+__")  # __NOTOC__ and the like
# what a broken file may leave in the text once parsed: markup that did not pair up
_LEFTOVER_TAG = re.compile(r"</?ref\b[^<>]*>", re.IGNORECASE)
_LEFTOVERS = ("{{", "}}", "[[", "]]", "'''", "''", "{|", "|}", "==")
_TABLE_LINE = ("|", "!", "{|")
_GAP = re.compile(rf"\s*{GAP}\s*")
_BULLET = re.compile(r"^(\*+)\s+")
_MARKS = str.maketrans({GAP: " ", TREE_START: " ", TREE_END: " "})
_NO_MARKS = str.maketrans(dict.fromkeys((GAP, TREE_START, TREE_END)))


def parse(text: str, where: str, title: str | None = None, base: str | None = None) -> Article:
    """Wikitext of one page -> Article. ``title`` is the page's (from an export); without it the
    infobox's name, else the lead's first bold phrase, else the file name stands for it.
    ``base`` is the wiki's article address ("https://en.wikipedia.org/wiki/")."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _CONTROLS.sub("", text).translate(_NO_MARKS))
    if not text.strip():
        raise DeirquizError(where, "the page's text is empty")
    redirect = _redirect_target(text)
    if redirect is not None:
        raise DeirquizError(where, f"is a redirect to '{redirect}': save that page instead")
    code = mwparserfromhell.parse(wikiguard.balanced(text))
    infobox = _infobox(code)
    groups = _groups(code)
    lead, sections, see_also, terms = _body(groups)
    title = title or _title(infobox, terms, where)
    return Article(
        title=title,
        source=where,
        url=wiki_url(title, base),
        slug=slugify(title),
        description=lead[0] if lead else "",
        infobox=infobox,
        lead=lead,
        sections=sections,
        see_also=see_also,
        terms=terms,
        short_description=_short_description(code),
    )


def _short_description(code) -> str:
    """{{Short description|1798 naval battle of the French Revolutionary Wars}}."""
    for t in code.filter_templates(recursive=False):
        if str(t.name).strip().lower() == "short description" and t.params:
            return re.sub(r"\s+", " ", str(t.params[0].value)).strip()[:200]
    return ""


def _redirect_target(text: str) -> str | None:
    head = text.lstrip()
    m = _REDIRECT.match(head)
    if not m:
        return None
    links = mwparserfromhell.parse(head[m.end() :].split("\n", 1)[0]).filter_wikilinks()
    return " ".join(str(links[0].title).split()) if links else "?"


def _title(infobox: dict[str, Field], terms: tuple[str, ...], where: str) -> str:
    for key in ("conflict", "name"):
        f = infobox.get(key)
        if f and f.text and "\n" not in f.text:
            return f.text
    if terms:
        return terms[0]
    stem = Path(where).stem.replace("-", " ").replace("_", " ")
    return " ".join(stem.split()) or "Untitled"


# --- the infobox ------------------------------------------------------------------------------


def _is_conflict_box(name: str) -> bool:
    boxes = wikitemplates.data("wikitext.yaml")["conflict_boxes"]
    return name in boxes or name.removeprefix("#invoke:").strip() in boxes


def _infobox(code: Wikicode) -> dict[str, Field]:
    """The fields of the article's military-conflict infobox, then of any other infobox beside
    it where the first has none (as the converter merges them); campaign boxes are navigation."""
    prefix = wikitemplates.data("wikitext.yaml")["infobox_prefix"]
    boxes = [t for t in code.filter_templates(recursive=False)]
    named = [(wikitemplates.name_of(t), t) for t in boxes]
    conflict = [t for n, t in named if _is_conflict_box(n)]
    others = [t for n, t in named if n.startswith(prefix) and not _is_conflict_box(n)]
    fields: dict[str, Field] = {}
    for box in [*conflict, *others]:
        for param in box.params:
            name = " ".join(str(param.name).split())
            if name.isdigit() or name in fields:  # {{#invoke:...|main}}'s "main"
                continue
            f = _field(name, param.value)
            if f.text:
                fields[name] = f
    return fields


def _field(name: str, value: Wikicode) -> Field:
    marks = Marks()
    lines = []
    for line in _tree_lists(render(value, marks).split("\n")):
        # a flag without an emoji parts two names as the converter's double space does
        line = _BULLET.sub(r"\1 ", _GAP.sub("  ", " ".join(line.split())).strip())
        if line:
            lines.append(line)
    text = _scrub("\n".join(lines))
    return Field(
        name=name,
        text=text,
        links=tuple(marks.links),
        bold=tuple(marks.bold),
        italic=tuple(marks.italic),
    )


def _tree_lists(lines: list[str]) -> list[str]:
    """Lines between {{Tree list}} and {{Tree list/end}} lose one '*': the list's first level
    shows no bullet, as in a plain list."""
    out, inside = [], False
    for line in lines:
        mark = line.strip()
        if mark in (TREE_START, TREE_END):
            inside = mark == TREE_START
            continue
        if inside and mark.startswith("*"):
            line = mark[1:]
        out.append(line)
    return out


# --- the body ---------------------------------------------------------------------------------


def _groups(code: Wikicode) -> list[tuple[int, str, list]]:
    """(level, heading, nodes) for the lead (level 0) and each section, in reading order."""
    groups: list[tuple[int, str, list]] = [(0, "", [])]
    for node in code.nodes:
        if isinstance(node, Heading):
            heading = " ".join(_scrub(render(node.title, Marks())).split())
            groups.append((node.level, heading, []))
        else:
            groups[-1][2].append(node)
    return groups


def _body(
    groups: list[tuple[int, str, list]],
) -> tuple[tuple[str, ...], tuple[Section, ...], tuple[str, ...], tuple[str, ...]]:
    """Lead paragraphs, sections, See also items and bold terms, as the Markdown loader gives
    them; appendix sections (References, Notes, ...) and their subsections are left out."""
    table = wikitemplates.data("wikitext.yaml")
    appendix = set(table["appendix_headings"])
    see_also_heading = table["see_also_heading"]
    lead: tuple[str, ...] = ()
    sections: list[Section] = []
    see_also: list[str] = []
    terms: list[str] = []
    path: list[tuple[int, str]] = []
    skip_below = 0  # inside an appendix section of this level
    for level, heading, nodes in groups:
        if level and skip_below and level > skip_below:
            continue
        skip_below = 0
        marks = Marks()
        paragraphs, items = _paragraphs(render(Wikicode(nodes), marks))
        if level == 0:
            lead = tuple(paragraphs)
            terms.extend(marks.bold)
            continue
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, heading))
        if heading.lower() in appendix:
            skip_below = level
            if heading.lower() == see_also_heading:
                see_also.extend(items)
            continue
        terms.extend(marks.bold)
        sections.append(Section(heading, level, tuple(h for _, h in path), tuple(paragraphs)))
    clean_terms = (" ".join(_scrub(t).split()) for t in terms)
    return lead, tuple(sections), tuple(see_also), tuple(t for t in clean_terms if t)


def _paragraphs(text: str) -> tuple[list[str], list[str]]:
    """Rendered text -> paragraphs (lines joined, a blank line between; a list item stands as
    its own) and the list items alone. Lines left of a table or a broken template are dropped."""
    paragraphs: list[str] = []
    items: list[str] = []
    para: list[str] = []

    def flush() -> None:
        joined = " ".join(_scrub(" ".join(para)).split())
        if joined:
            paragraphs.append(joined)
        para.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line or line.startswith(_TABLE_LINE):
            flush()
            continue
        if line.startswith("*"):
            flush()
            para.append(line.lstrip("*"))
            item = " ".join(_scrub(para[0]).split())
            if item:
                items.append(item)
            flush()
            continue
        para.append(line)
    flush()
    return paragraphs, items


def _scrub(text: str) -> str:
    """Markup that a broken file leaves as text once parsed (an unclosed template's braces, a
    stray <ref>): never shown as if it were the article's words."""
    text = _MAGIC.sub("", _LEFTOVER_TAG.sub("", text)).translate(_MARKS)
    for leftover in _LEFTOVERS:
        if leftover in text:
            text = text.replace(leftover, "")
    return text
