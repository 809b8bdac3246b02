"""GIFT, the plain-text question format Moodle imports (Question bank → Import → GIFT format).

Follows Moodle's own GIFT reader (question/format/gift/format.php): ``\\`` and ``~ = # { } :``
are escaped with a backslash, texts are marked ``[html]`` and carry the article's text escaped
as HTML (so a ``%`` or ``[`` that would start an answer weight or a format marker is an
entity too), one category per topic, the quote and credit after ``####`` as general feedback.
Short answers are plain text; one that Moodle would misread (``->`` makes it a matching
question, a leading ``[html]`` a format) is left out. Orderings use Moodle's ordering type
(``{>n ALL ...}``), whose reader takes its items as written, unescaped: they are HTML with no
brace and no leading ``/`` (a line starting ``//`` is a comment), and carry no feedback.
"""

from __future__ import annotations

import re

from ..model import Question, Quiz
from .moodle import category_part
from .platform import (
    LeftOut,
    by_topic,
    check_choice,
    check_order,
    credit_line,
    feedback_html,
    heading,
    html,
    plain,
    statement,
    unknown_type,
)

_SPECIAL = re.compile(r"([~=#{}:])")
_FORMAT_MARK = re.compile(r"^\s*\[(moodle|html|plain|markdown)\]", re.IGNORECASE)


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped (backslash first)."""
    return _SPECIAL.sub(r"\\\1", text.replace("\\", "\\\\"))


def _html(text: str) -> str:
    """Article text as GIFT [html] text: escaped HTML, then GIFT-escaped."""
    return escape(html(text).replace("%", "&#37;"))


def _feedback(q: Question, quiz: Quiz) -> str:
    return "\t####" + escape(feedback_html(q, quiz)) + "\n"


def _multichoice(q: Question, quiz: Quiz) -> str:
    check_choice(q)
    answers = "".join(
        f"\t{'=' if i in q.correct else '~'}{_html(o)}\n" for i, o in enumerate(q.options)
    )
    return f"[html]{_html(q.prompt)}{{\n{answers}{_feedback(q, quiz)}}}"


def _truefalse(q: Question, quiz: Quiz) -> str:
    answer = "TRUE" if q.answer.strip().lower() == "true" else "FALSE"
    return f"[html]{_html(statement(q))}{{{answer}\n{_feedback(q, quiz)}}}"


def _shortanswer(q: Question, quiz: Quiz) -> str | None:
    answer = plain(q.answer)
    if "->" in answer or _FORMAT_MARK.match(answer):
        return None
    answer = escape(answer.replace("*", "\\*"))  # a literal asterisk, not a wildcard
    return f"[html]{_html(q.prompt)}{{\n\t=%100%{answer}\n{_feedback(q, quiz)}}}"


def _item(text: str) -> str:
    """One item of an ordering, read by Moodle as written: HTML, no brace, no leading slash."""
    item = html(plain(text))
    return "&#47;" + item[1:] if item.startswith("/") else item


def _ordering(q: Question, quiz: Quiz) -> str:
    check_order(q)
    items = "".join(_item(q.options[i]) + "\n" for i in q.correct)  # right order; Moodle shuffles
    head = f"{{>{len(q.options)} ALL VERTICAL ABSOLUTE_POSITION SHOW\n"
    return f"[html]{_html(q.prompt)}{head}{items}}}"


_WRITERS = {
    "mcq": _multichoice,
    "truefalse": _truefalse,
    "basic": _shortanswer,
    "cloze": _shortanswer,
    "order": _ordering,
}


def render(quiz: Quiz) -> tuple[bytes, LeftOut]:
    blocks = ["// " + credit_line(quiz)]
    left_out: LeftOut = []
    for topic, questions in by_topic(quiz):
        path = "/".join(
            category_part(p) for p in ("$course$", "top", quiz.title, heading(quiz, topic))
        )
        blocks.append(f"$CATEGORY: {path}")
        for q in questions:
            if q.type not in _WRITERS:
                raise unknown_type(q)
            block = _WRITERS[q.type](q, quiz)
            if block is None:
                left_out.append((q.type, "Moodle would misread the answer"))
            else:
                blocks.append(block)
    return ("\n\n".join(blocks) + "\n").encode("utf-8"), left_out
