"""Unpaired markup made harmless before mwparserfromhell reads the text.

mwparserfromhell reads an unclosed template, tag, comment or table by scanning on to the end of
the text for its close, then backtracking: n unclosed ones cost n scans of the text, so a
hostile 100 kB file of "{{a|" takes minutes (a broken article is slow in proportion). This pass
pairs the openers and closers in one linear scan, as the parser would pair them, and changes only
what cannot pair: a stray closer or an opener left open by an interleaving ("{{a|<ref>}}</ref>")
is dropped; an opener left open at the end, like an infobox that lost its last "}}", is closed
at the end of its paragraph, so that what follows it is still read. Wikitext that pairs up, as
Wikipedia's does, comes back unchanged.
"""

from __future__ import annotations

import re

from mwparserfromhell.definitions import is_parsable, is_single

_TOKEN = re.compile(
    r"<!--|\{\{|\}\}|\[\[|\]\]|^\{\||^\|\}"
    r"|<(?P<end>/?)(?P<tag>[A-Za-z][A-Za-z0-9]*)\b[^<>]*?(?P<self>/?)>",
    re.MULTILINE,
)
_CLOSES = {"}}": "{{", "]]": "[[", "|}": "{|"}
_MAX_DEPTH = 40  # deeper nesting is no article's (the parser gives up at 100)
_MAX_CLOSED = 5  # more openers left open than this: a broken file, dropped, not closed
_QUOTES = re.compile(r"'{2,}")
_MAX_QUOTES = 100  # bold and italic marks on one line; past this the parser backtracks for long


def balanced(text: str) -> str:
    """The text with its unpaired markup dropped or closed; the same text if all pairs up."""
    text = _fewer_quotes(text)
    drops, left_open = _scan(text)
    if not drops and not left_open:
        return text
    inserts: list[int] = []
    for kind, start, end in left_open:
        if kind == "{{" and len(left_open) <= _MAX_CLOSED:
            para = text.find("\n\n", end)
            inserts.append(len(text) if para < 0 else para)
        else:
            drops.append((start, end))
    return _edit(text, drops, inserts)


def _fewer_quotes(text: str) -> str:
    """A line of more bold and italic marks than any paragraph has loses them (its words stay):
    the parser pairs them by trying and backtracking, in time that grows with their square."""
    if text.count("''") <= _MAX_QUOTES:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.count("''") > _MAX_QUOTES and len(_QUOTES.findall(line)) > _MAX_QUOTES:
            lines[i] = _QUOTES.sub("", line)
    return "\n".join(lines)


def _scan(text: str) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """(spans to drop, openers still open at the end)."""
    lowered = text.lower()
    stack: list[tuple[str, int, int]] = []
    drops: list[tuple[int, int]] = []
    unclosed: set[str] = set()  # closers not found after some point: nor after any later one
    pos = 0
    while (m := _TOKEN.search(text, pos)) is not None:
        token, pos = m.group(0), m.end()
        if token == "<!--":
            close = -1 if "-->" in unclosed else text.find("-->", pos)
            if close < 0:
                unclosed.add("-->")
                drops.append(m.span())
            else:
                pos = close + 3
            continue
        kind = token
        if m.group("tag"):
            name = m.group("tag").lower()
            if m.group("self") or is_single(name):  # <br>, <li>: no close needed
                continue
            if not m.group("end") and not is_parsable(name):  # <nowiki>, <pre>: text to the close
                closer = f"</{name}"
                close = -1 if closer in unclosed else lowered.find(closer, pos)
                if close < 0:
                    unclosed.add(closer)
                    drops.append(m.span())
                else:
                    pos = (text.find(">", close) + 1) or len(text)
                continue
            kind = "<" + name
            token = "</" + name if m.group("end") else kind
        if token in _CLOSES or token.startswith("</"):
            _close(_CLOSES.get(token, kind), m.span(), stack, drops)
        elif len(stack) < _MAX_DEPTH:
            stack.append((kind, *m.span()))
        else:
            drops.append(m.span())
    return drops, stack


def _close(kind: str, span: tuple[int, int], stack: list, drops: list) -> None:
    """Pair a closer with its opener; openers above it (interleaved) and a closer without an
    opener are dropped."""
    if not any(k == kind for k, _, _ in stack):
        drops.append(span)
        return
    while stack[-1][0] != kind:
        _, start, end = stack.pop()
        drops.append((start, end))
    stack.pop()


def _edit(text: str, drops: list[tuple[int, int]], inserts: list[int]) -> str:
    edits = sorted([(s, e, "") for s, e in drops] + [(i, i, "}}") for i in inserts])
    out, pos = [], 0
    for start, end, new in edits:
        if start < pos:  # inside a span already dropped
            continue
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)
