"""The printable quiz as Markdown, and the sheet plan that the HTML and PDF writers share.

``sheet()`` decides what a printed quiz says (numbers, letters, instructions, the key, the credit)
in plain text; each writer only decides how to show it and how to escape it for its format. So
the three outputs of one quiz always agree question for question and letter for letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Question, Quiz
from .versions import group_by_topic

BLANK = "_____"  # the cloze gap, as the generator writes it
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KEY_CHOICES = ("end", "separate", "none")

TOPIC_HEADINGS = {
    "overview": "Overview",
    "combatants": "Combatants",
    "commanders": "Commanders",
    "units": "Units",
    "casualties": "Casualties",
    "timeline": "Timeline",
    "places": "Places",
    "figures": "Figures",
}

_INSTRUCTIONS = {
    "mcq": "Multiple choice: circle the letter of the one right answer.",
    "truefalse": "True or false: tick one box.",
    "order": "Ordering: write the letters in chronological order, earliest first.",
    "short": "Short answer: write your answer on the line or in the blank.",
}

SOURCE_LIMIT = 120  # characters of a source sentence quoted in the answer key


# --- the sheet plan: what the paper says, in plain text -----------------------------------


@dataclass(frozen=True)
class Item:
    """One numbered question as printed, with its answer-key entry."""

    number: int
    type: str
    parts: tuple[str, ...]  # the prompt, split at each blank (one part when there is none)
    options: tuple[str, ...]  # shown with letters: mcq and order questions only
    key: str  # what the marker checks: "B", "C, A, D, B", "True", or the answer itself
    key_text: str  # the text of the right option (mcq), else ""
    source: str  # the source sentence or field, shortened around the answer
    where: str
    explanation: str


@dataclass(frozen=True)
class Section:
    topic: str
    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Sheet:
    title: str
    version: int | None
    instructions: str
    count: int
    sections: tuple[Section, ...]
    credit: str  # 'Questions generated from the Wikipedia article "…" (…), CC BY-SA 4.0.'
    credits: tuple[tuple[str, str | None], ...]  # (article title, url), for writers that link

    @property
    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]

    @property
    def summary(self) -> str:
        n = self.count
        return f"{n} question{'s' * (n != 1)} · {n} point{'s' * (n != 1)} (1 point each)"


def topic_heading(topic: str) -> str:
    return TOPIC_HEADINGS.get(topic) or topic.replace("_", " ").strip().capitalize() or "Questions"


def clean(text: str) -> str:
    """Article text on one line: a newline inside a prompt must not start a new block anywhere."""
    return " ".join(str(text).split())


def shorten(text: str, answer: str = "", limit: int = SOURCE_LIMIT) -> str:
    """``text`` cut to about ``limit`` characters at word boundaries, keeping the answer in view.

    The answer of a cloze or date question is often late in a long sentence; a key that quotes
    only the sentence's start would not show the marker where the answer came from.
    """
    text = clean(text)
    if len(text) <= limit:
        return text
    at = text.lower().find(clean(answer).lower()) if answer.strip() else -1
    if at < 0 or at + len(answer) <= limit - 1:
        start, end = 0, limit - 1
    else:
        mid = at + len(answer) // 2
        start = max(0, min(mid - limit // 2, len(text) - limit + 2))
        end = start + limit - 2
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    out = text[start:end].strip(" ,;:")
    return ("…" if start > 0 else "") + out + ("…" if end < len(text) else "")


def _key(q: Question) -> tuple[str, str]:
    if q.type == "mcq" and q.options:
        i = q.correct[0] if q.correct else _index(q.options, q.answer)
        if 0 <= i < len(q.options):
            return LETTERS[i], clean(q.options[i])
    if q.type == "order" and q.correct:
        return ", ".join(LETTERS[i] for i in q.correct if 0 <= i < len(q.options)), ""
    return clean(q.answer), ""


def _index(options: tuple[str, ...], answer: str) -> int:
    return options.index(answer) if answer in options else -1


def _item(number: int, q: Question) -> Item:
    prompt = clean(q.prompt)
    parts = tuple(prompt.split(BLANK))  # a gap to fill, in a cloze or in a multiple choice
    key, key_text = _key(q)
    return Item(
        number=number,
        type=q.type,
        parts=parts,
        options=tuple(clean(o) for o in q.options) if q.type in ("mcq", "order") else (),
        key=key,
        key_text=key_text,
        source=shorten(q.source.text, "" if q.type in ("truefalse", "order") else q.answer),
        where=clean(q.source.where),
        explanation=clean(q.explanation),
    )


def _credits(quiz: Quiz) -> tuple[tuple[str, str | None], ...]:
    seen: dict[tuple[str, str | None], None] = {}
    for q in quiz.questions:
        if q.source.title:
            seen.setdefault((clean(q.source.title), q.source.url), None)
    if not seen:
        seen[(clean(quiz.title), quiz.url)] = None
    return tuple(seen)


def credit_line(credits: tuple[tuple[str, str | None], ...]) -> str:
    named = [f'"{t}"' + (f" ({u})" if u else "") for t, u in credits]
    if len(named) == 1:
        return f"Questions generated from the Wikipedia article {named[0]}, CC BY-SA 4.0."
    listed = ", ".join(named[:-1]) + " and " + named[-1]
    return f"Questions generated from the Wikipedia articles {listed}, CC BY-SA 4.0."


def sheet(quiz: Quiz, *, title: str | None = None, version: int | None = None) -> Sheet:
    """The printed quiz in plain text: grouped by topic, numbered 1..N, with its key."""
    sections: list[Section] = []
    number = 0
    for group in group_by_topic(quiz.questions):
        items = []
        for q in group:
            number += 1
            items.append(_item(number, q))
        topic = group[0].topic
        heading = quiz.heading(topic) if quiz.headings else topic_heading(topic)
        sections.append(Section(topic, heading, tuple(items)))
    types = {q.type for q in quiz.questions}
    said = ["Answer every question on this sheet."]
    said += [_INSTRUCTIONS[t] for t in ("mcq", "truefalse", "order") if t in types]
    if types - {"mcq", "truefalse", "order"}:
        said.append(_INSTRUCTIONS["short"])
    credits = _credits(quiz)
    return Sheet(
        title=clean(title or quiz.title) or "Quiz",
        version=version,
        instructions=" ".join(said),
        count=number,
        sections=tuple(sections),
        credit=credit_line(credits),
        credits=credits,
    )


def check_answer_key(answer_key: str, choices: tuple[str, ...] = KEY_CHOICES) -> None:
    if answer_key not in choices:
        raise ValueError(f"answer_key must be one of {', '.join(choices)}, not {answer_key!r}")


# --- Markdown -----------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LEADING = re.compile(r"^([-+=]|\d+[.)])")
_URL = re.compile(r"https?://[^\s<>]+")
WRITE_LINE = "_" * 30  # a line to write on: a lone run of underscores between spaces stays text
GAP = r"\_" * 10  # the cloze gap inside article text, escaped so it can pair with nothing


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
    prompt = GAP.join(escape(p) for p in item.parts)
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
        lines.append("Answer: " + WRITE_LINE)
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


def _key_items(s: Sheet) -> list[str]:
    out = []
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
