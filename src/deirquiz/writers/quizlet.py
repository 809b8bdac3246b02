"""Quizlet's import (Create → Import, or a set's "Import from Word, Excel, Google Docs"): one card a
line, term and definition separated by a tab (Quizlet's defaults, "Tab" and "New line").

Basic questions give their question as the term and their answer as the definition; cloze
questions the sentence with its blank and the missing words. A flashcard has no options, so
multiple choice, true/false and orderings are left out. Tabs and line breaks in the text become
spaces, and a card never starts with a character a spreadsheet would read as a formula.
"""

from __future__ import annotations

from ..model import Quiz
from .platform import LeftOut, cell, questions

_NO_TYPE = "a Quizlet card has a term and a definition, no options"


def render(quiz: Quiz) -> tuple[bytes, LeftOut]:
    lines = []
    left_out: LeftOut = []
    for q in questions(quiz):
        if q.type in ("basic", "cloze"):
            lines.append(f"{cell(q.prompt)}\t{cell(q.answer)}\n")
        else:
            left_out.append((q.type, _NO_TYPE))
    return "".join(lines).encode("utf-8"), left_out
