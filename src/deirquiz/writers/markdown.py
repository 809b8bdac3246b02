"""The printable quiz as Markdown.

What the sheet says comes from ``sheet.sheet()``; this module only lays it out as CommonMark and
escapes article text so that it shows as written.
"""

from __future__ import annotations

import re

from ..model import Quiz
from .sheet import LETTERS, Item, Sheet, check_answer_key, sheet

_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING = re.compile(r"^([-+=]|\d+[.)])")
_URL = re.compile(r"https?://[^\s<>]+")
WRITE_LINE = "_" * 30  # a line to write on: a lone run of underscores between spaces stays text


def escape(text: str) -> str:
    """Article text as inert CommonMark: it shows as written and cannot open emphasis, links,
    HTML, code, tables, math (GitHub's ``$``) or, at the start of a line, a list or heading."""
    text = _ENTITY.sub("&amp;", re.sub(r"\s+", " ", str(text)))
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _link(url: str | None) -> str:
    """An autolink when the URL is a plain web address (shown as written), else escaped text."""
    if not url:
        return ""
    return f"<{url}>" if _URL.fullmatch(url) else escape(url)


def _credit_md(s: Sheet) -> str:
    named = [f'"{escape(t)}"' + (f" ({_link(u)})" if u else "") for t, u in s.credits]
    if len(named) == 1:
        return f"Questions generated from the Wikipedia article {named[0]}, CC BY-SA 4.0."
    listed = ", ".join(named[:-1]) + " and " + named[-1]
    return f"Questions generated from the Wikipedia articles {listed}, CC BY-SA 4.0."


def _block(marker: str, lines: list[str]) -> list[str]:
    """A list item: the marker, then the item's lines indented under it (blank lines kept)."""
    pad = " " * (len(marker) + 1)
    out = [f"{marker} {lines[0]}"]
    out += [pad + line if line else "" for line in lines[1:]]
    return out


def _hard_lines(lines: list[str]) -> list[str]:
    """Lines of one paragraph, each kept on its own line (backslash hard breaks)."""
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def _question_md(item: Item) -> list[str]:
    gap = r"\_" * (item.gap + 2)  # escaped: it can pair with nothing
    prompt = gap.join(escape(p) for p in item.parts)
    lines = [prompt or "\u00a0", ""]
    lettered = [f"{LETTERS[i]}. {escape(o)}" for i, o in enumerate(item.options)]
    if item.type == "mcq" and lettered:
        lines += _hard_lines(lettered)
    elif item.type == "order" and lettered:
        lines += [*_hard_lines(lettered), "", "Order (earliest first): " + " ".join(["____"] * 4)]
    elif item.type == "truefalse":
        lines.append("☐ True ☐ False")
    elif item.type == "cloze" and len(item.parts) > 1:
        lines.pop()  # the gap in the prompt is where the answer goes
    else:
        lines += _hard_lines(["Answer: " + WRITE_LINE] + [WRITE_LINE + "_" * 8] * (item.lines - 1))
    return _block(f"{item.number}.", lines)


def _key_md(item: Item) -> list[str]:
    answer = escape(item.key) or "(no answer given)"
    if item.key_text:
        answer = f"**{item.key}.** {escape(item.key_text)}"
    elif item.type == "order":
        answer = f"**{escape(item.key)}**"
    lines = [answer]
    if item.explanation:
        lines.append(escape(item.explanation))
    if item.source:
        where = f" ({escape(item.where)})" if item.where else ""
        lines.append(f"Source{where}: “{escape(item.source)}”")
    return _block(f"{item.number}.", _hard_lines(lines))


def _key_grid(s: Sheet) -> list[str]:
    """Every answer on one paragraph, "1 B · 2 A · 3 True …": what a teacher marks with."""
    return [" · ".join(f"**{i.number}** {escape(i.key) or '–'}" for i in s.items), ""]


def _key_items(s: Sheet) -> list[str]:
    out = [*_key_grid(s), "### Sources", ""]
    for item in s.items:
        out += [*_key_md(item), ""]
    return out


def _finish(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def render(
    quiz: Quiz,
    *,
    title: str | None = None,
    answer_key: str = "end",
    version: int | None = None,
) -> tuple[str, str | None]:
    """(quiz Markdown, separate answer-key Markdown or None).

    ``answer_key``: "end" puts the key after the questions, "separate" returns it as the second
    string, "none" leaves it out.
    """
    check_answer_key(answer_key)
    s = sheet(quiz, title=title, version=version)
    ver = f" (Version {version})" if version is not None else ""
    out = [f"# {escape(s.title)}", ""]
    if version is not None:
        out += [f"**Version {version}**", ""]
    out += [
        f"Name: {WRITE_LINE}",
        "",
        f"Class: {'_' * 16} Date: {'_' * 16}",
        "",
        escape(s.instructions),
        "",
        f"**{s.summary}**",
        "",
    ]
    for section in s.sections:
        out += [f"## {escape(section.heading)}", ""]
        for item in section.items:
            out += [*_question_md(item), ""]
    key = None
    if answer_key == "end":
        out += [f"## Answer key{ver}", "", *_key_items(s)]
    elif answer_key == "separate":
        head = [f"# {escape(s.title)}: answer key", ""]
        if version is not None:
            head += [f"**Version {version}**", ""]
        key = _finish([*head, *_key_items(s), "---", "", _credit_md(s)])
    out += ["---", "", _credit_md(s)]
    return _finish(out), key
