"""Wikitext nodes -> text, as the article's reader sees it, with what the converter records:
each link's shown text and its page, each bold and italic span.

mwparserfromhell gives the tree; this walks it once. References, comments, images, categories
and tables show nothing; <br> is a new line; list markers stay at the start of their line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mwparserfromhell.nodes import (
    Argument,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from . import wikitemplates
from .model import Link

# tags whose content is no part of the text
_HIDDEN_TAGS = {"ref", "references", "gallery", "timeline", "graph", "mapframe", "maplink",
                "score", "templatestyles", "noinclude", "imagemap", "syntaxhighlight", "math",
                "chem", "ce", "categorytree", "indicator", "section", "templatedata"}  # fmt: skip
_LITERAL_TAGS = {"nowiki", "pre"}
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em"}


@dataclass
class Marks:
    """What a walk records besides the text."""

    links: list[Link] = field(default_factory=list)
    bold: list[str] = field(default_factory=list)
    italic: list[str] = field(default_factory=list)


def render(code: Wikicode | None, marks: Marks) -> str:
    if code is None:
        return ""
    return "".join(_node(node, marks) for node in code.nodes)


def _node(node: object, marks: Marks) -> str:
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, Wikilink):
        return _link(node, marks)
    if isinstance(node, Template):
        return wikitemplates.text(node, lambda code: render(code, marks))
    if isinstance(node, Tag):
        return _tag(node, marks)
    if isinstance(node, HTMLEntity):
        try:
            return node.normalize().replace("\xa0", " ")
        except (ValueError, OverflowError):  # &#99999999; names no character
            return ""
    if isinstance(node, ExternalLink):
        return render(node.title, marks) if node.title is not None else ""
    if isinstance(node, Heading):  # a heading inside a template's parameter
        return "\n" + render(node.title, marks).strip() + "\n"
    if isinstance(node, Argument):
        return render(node.default, marks)
    return ""  # a comment


def _link(link: Wikilink, marks: Marks) -> str:
    """[[Target|shown]] -> "shown", with Link(shown, Target); an image or a category shows
    nothing, nor does a link to the same page in another language ([[fr:...]])."""
    target = " ".join(str(link.title).replace("_", " ").split())
    colon = target.startswith(":")
    target = target.lstrip(":").strip()
    prefix, sep, _ = target.partition(":")
    prefix = prefix.strip().lower()
    if sep and not colon:
        hidden = wikitemplates.data("wikitext.yaml")["hidden_namespaces"]
        if prefix in hidden or (2 <= len(prefix) <= 3 and prefix.isalpha()):
            return ""
    page = target.split("#", 1)[0].strip()
    shown = " ".join(render(link.text, marks).split()) if link.text is not None else target
    shown = shown or page
    if shown:
        marks.links.append(Link(text=shown, page=page or shown))
    return shown


def _tag(tag: Tag, marks: Marks) -> str:
    name = str(tag.tag).strip().lower()
    markup = tag.wiki_markup
    if markup in ("*", "#"):
        return "*"  # a list item: infobox.py reads its level from the '*'s
    if markup in (":", ";"):
        return ""  # an indented line or a definition term: plain text
    if markup == "{|" or name in _HIDDEN_TAGS:
        return ""
    if name in ("br", "hr"):
        return "\n"
    if name in _LITERAL_TAGS:
        return str(tag.contents) if tag.contents is not None else ""
    inner = render(tag.contents, marks)
    span = " ".join(inner.split())
    if span and (markup == "'''" or (name in _BOLD and markup is None)):
        marks.bold.append(span)
    elif span and (markup == "''" or (name in _ITALIC and markup is None)):
        marks.italic.append(span)
    return inner
