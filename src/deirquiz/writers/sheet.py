"""The printed quiz's plan: what the paper says, in plain text.

``sheet()`` decides what a printed quiz says (numbers, letters, instructions, the key, the credit)
in plain text; each writer (``markdown``, ``html``, ``pdf``) only decides how to show it and how
to escape it for its format. So the three outputs of one quiz always agree question for question
and letter for letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from ..model import BLANK, Question, Quiz
from .quotes import quote, tidy
from .versions import group_by_topic

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KEY_CHOICES = ("end", "separate", "none")
PAGE_KEY_CHOICES = (*KEY_CHOICES, "only")  # HTML and PDF: a page can hold just the key

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
KEY_COLUMNS = 6  # the answer grid on top of the key: cells of about KEY_CELL characters
KEY_CELL = 13


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
    lines: int = 0  # lines to write a short answer on (0: the answer is ticked or circled)
    gap: int = 8  # width of a blank in the prompt, in em: as long as the expected answer

    @property
    def key_span(self) -> int:
        """Columns of the key's grid this entry takes: one for a letter or True, more for a
        written answer."""
        width = len(str(self.number)) + 1 + len(self.key)
        return min(KEY_COLUMNS, 1 + max(0, width - 1) // KEY_CELL)


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

    def key_rows(self) -> list[list[Item]]:
        """The key's grid in rows of KEY_COLUMNS cells, in question order: an entry that does not
        fit the rest of a row starts the next one."""
        rows: list[list[Item]] = [[]]
        used = 0
        for item in self.items:
            if used + item.key_span > KEY_COLUMNS:
                rows.append([])
                used = 0
            rows[-1].append(item)
            used += item.key_span
        return [r for r in rows if r]

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


def _lines(answer: str) -> int:
    """Lines a hand needs for the expected answer: handwriting runs about twice as wide as
    print, some 45 characters to a line."""
    n = len(clean(answer))
    return 1 if n <= 40 else 2 if n <= 90 else 3


def _gap(q: Question) -> int:
    """A blank as wide as the answer needs, in steps (so its width hints little), and for a
    choice as wide as the longest option (else the width would point at the answer)."""
    n = max((len(o) for o in q.options), default=0) if q.type == "mcq" else len(clean(q.answer))
    return 8 if n <= 14 else 12 if n <= 24 else 16


def _index(options: tuple[str, ...], answer: str) -> int:
    return options.index(answer) if answer in options else -1


def _item(number: int, q: Question) -> Item:
    prompt = clean(q.prompt)
    parts = tuple(prompt.split(BLANK))  # a gap to fill, in a cloze or in a multiple choice
    key, key_text = _key(q)
    explanation = tidy(q.explanation)
    if key and explanation.startswith(key + ":"):  # "False: …" beside the key "False"
        explanation = explanation[len(key) + 1 :].strip()
    in_place = q.type in ("mcq", "truefalse", "order") or (q.type == "cloze" and len(parts) > 1)
    return Item(
        number=number,
        type=q.type,
        parts=parts,
        options=tuple(clean(o) for o in q.options) if q.type in ("mcq", "order") else (),
        key=key,
        key_text=key_text,
        source=shorten(quote(q.source.text), "" if q.type in ("truefalse", "order") else q.answer),
        where=clean(q.source.where),
        explanation=explanation,
        lines=0 if in_place else _lines(q.answer),
        gap=_gap(q),
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


def shown_url(url: str) -> str:
    """The URL as a reader would type it: Wikipedia's %E2%80%93 shown as the dash it is."""
    try:
        return unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url
