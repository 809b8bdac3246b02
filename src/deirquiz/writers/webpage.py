"""The printable quiz as one self-contained HTML page: open it, press Print.

Inline CSS only (no fonts, scripts or images to fetch), so the file works offline and from a
mail attachment. What the page says comes from ``sheet.sheet()``; every piece of article text
goes through ``html.escape``.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources

from ..model import Quiz
from .sheet import LETTERS, PAGE_KEY_CHOICES, Item, Sheet, check_answer_key, sheet, shown_url

PAPERS = {"a4": "A4", "letter": "letter"}


def _css_string(text: str) -> str:
    """A CSS string literal; anything but plain characters becomes a hex escape, so article text
    can neither end the string nor the ``<style>`` element."""
    out = []
    for ch in text:
        if ch.isalnum() or ch in " .,:;()-–'·":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")  # the space ends the escape and is dropped
    return '"' + "".join(out) + '"'


def _page_css(paper: str, s: Sheet) -> str:
    names = ", ".join(f'"{t}"' for t, _ in s.credits)
    footer = _css_string(f"From Wikipedia: {names} · CC BY-SA 4.0")
    return (
        f"@page {{ size: {PAPERS[paper]}; margin: 16mm 16mm 18mm;\n"
        f"  @bottom-left {{ content: {footer}; font-size: 8pt; color: #666; }}\n"
        '  @bottom-right { content: "Page " counter(page) " of " counter(pages);'
        " font-size: 8pt; color: #666; }\n}\n"
    )


def _columns(options: tuple[str, ...]) -> int:
    """Short options sit side by side so a ten-question quiz fits one page; long ones stack."""
    longest = max((len(o) for o in options), default=0)
    return 4 if longest <= 14 else 2 if longest <= 40 else 1


_STUCK = re.compile(r"^[,.;:!?)’”]+")  # punctuation that must stay beside the blank before it


def _prompt(item: Item) -> str:
    gap = f'<span class="gap gap-{item.gap}"></span>'
    out = escape(item.parts[0])
    for part in item.parts[1:]:
        stuck = _STUCK.match(part)
        tail = stuck.group() if stuck else ""
        out += f'<span class="nowrap">{gap}{escape(tail)}</span>{escape(part[len(tail) :])}'
    return out


def _question(item: Item) -> str:
    out = [
        f'<div class="q" id="q{item.number}"><span class="num">{item.number}.</span>',
        f'<div class="body {item.type}"><p class="prompt">{_prompt(item)}</p>',
    ]
    if item.options:
        cols = 1 if item.type == "order" else _columns(item.options)
        out.append(f'<ol class="options cols-{cols}">')
        for i, o in enumerate(item.options):
            out.append(f'<li><span class="letter">{LETTERS[i]}</span>{escape(o)}</li>')
        out.append("</ol>")
        if item.type == "order":
            slots = '<span class="slot"></span>' * len(item.options)
            out.append(f'<p class="order-boxes">Order (earliest first): {slots}</p>')
    elif item.type == "truefalse":
        out.append(
            '<p class="tf"><span><span class="box"></span>True</span>'
            '<span><span class="box"></span>False</span></p>'
        )
    elif item.lines:
        out.append('<p class="write">Answer:</p>')
        out += ['<p class="write more"></p>'] * (item.lines - 1)
    out.append("</div></div>")
    return "\n".join(out)


def _header(s: Sheet, key_only: bool) -> str:
    title = escape(s.title) + (": answer key" if key_only else "")
    out = [f"<header><h1>{title}</h1>"]
    if s.version is not None:
        out.append(f'<p class="version">Version {s.version}</p>')
    if not key_only:
        out += [
            '<div class="fields"><span class="field name">Name:</span>'
            '<span class="field">Class:</span><span class="field">Date:</span></div>',
            f'<p class="instructions">{escape(s.instructions)}</p>',
            f'<p class="summary">{escape(s.summary)}<span class="score">Score: '
            f'<span class="slot-line"></span> / {s.count}</span></p>',
        ]
    out.append("</header>")
    return "\n".join(out)


def _grid(s: Sheet) -> str:
    """The answers at a glance, "1 B · 2 A · 3 True …": a written answer takes more cells."""
    cells = [
        f'<span class="cell span-{i.key_span}"><strong>{i.number}</strong> {escape(i.key) or "–"}</span>'
        for i in s.items
    ]
    return '<div class="grid">' + "".join(cells) + "</div>"


def _key(s: Sheet, heading: bool) -> str:
    ver = f" (Version {s.version})" if s.version is not None else ""
    cls = "key" if heading else "key alone"
    out = [f'<section class="{cls}">']
    if heading:
        out.append(f"<h2>Answer key{ver}</h2>")
    out += [_grid(s), "<h3>Sources</h3>", "<ol>"]
    for item in s.items:
        if item.key_text:
            answer = f"{escape(item.key)}. {escape(item.key_text)}"
        else:
            answer = escape(item.key) or "(no answer given)"
        out.append(f'<li><span class="num">{item.number}.</span><div class="body">')
        out.append(f'<div class="answer">{answer}</div>')
        if item.explanation:
            out.append(f'<div class="note">{escape(item.explanation)}</div>')
        if item.source:
            where = f" ({escape(item.where)})" if item.where else ""
            out.append(f'<div class="source">Source{where}: “{escape(item.source)}”</div>')
        out.append("</div></li>")
    out += ["</ol>", "</section>"]
    if heading:  # under the questions: hidden on screen until asked for, printed on its own page
        out = ['<details class="key-toggle"><summary>Show the answer key</summary>', *out]
        out.append("</details>")
    return "\n".join(out)


def _credit(s: Sheet) -> str:
    named = []
    for t, u in s.credits:
        name = f"“{escape(t)}”"
        if u and u.startswith(("https://", "http://")):
            name += f' (<a href="{escape(u, quote=True)}">{escape(shown_url(u))}</a>)'
        elif u:
            name += f" ({escape(u)})"
        named.append(name)
    what = "article" if len(named) == 1 else "articles"
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return (
        f'<footer class="credit">Questions generated from the Wikipedia {what} {listed}, '
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.</footer>'
    )


def render(
    quiz: Quiz,
    *,
    title: str | None = None,
    answer_key: str = "end",
    version: int | None = None,
    paper: str = "a4",
) -> str:
    """One HTML page ready to print.

    ``answer_key``: "end" (the key after the questions, from a new page), "separate" or "none"
    (questions only; render again with "only" for the key page), "only" (just the key).
    ``paper``: "a4" or "letter".
    """
    check_answer_key(answer_key, PAGE_KEY_CHOICES)
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    s = sheet(quiz, title=title, version=version)
    css = resources.files("deirquiz.writers").joinpath("print.css").read_text("utf-8")
    page_title = escape(s.title) + (f" (Version {version})" if version is not None else "")
    body = [_header(s, key_only=answer_key == "only")]
    if answer_key == "only":
        body.append(_key(s, heading=False))
    else:
        body.append("<main>")
        for section in s.sections:
            # the heading and its first question are one block: no heading alone at a page's foot
            first, *rest = [_question(item) for item in section.items] or [""]
            body.append(
                f'<section class="topic"><div class="keep"><h2>{escape(section.heading)}</h2>'
            )
            body += [first, "</div>", *rest, "</section>"]
        body.append("</main>")
        if answer_key == "end":
            body.append(_key(s, heading=True))
    body.append(_credit(s))
    doc = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="deirquiz">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{page_title}</title>",
        "<style>",
        _page_css(paper, s) + css.rstrip("\n"),
        "</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(line.rstrip() for line in doc) + "\n"
