"""Blooket's spreadsheet import (Create a set → Spreadsheet import): its CSV template, the two
header rows exactly as Blooket's own, then one question a row: up to four answers, a time limit
(at most 300 s) and the number of the right answer.

Blooket's questions are multiple choice; true/false questions come as the two answers True and
False. There is no written answer, blank or ordering. No cell starts with a character a
spreadsheet would read as a formula, and none holds a line break.
"""

from __future__ import annotations

import csv
import io

from ..model import Quiz
from .platform import LeftOut, cell, check_choice, questions, statement

COLUMNS = 26  # the template's width, A to Z
TITLE_ROW = ["Blooket\nImport Template"]
HEADER_ROW = [
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3\n(Optional)",
    "Answer 4\n(Optional)",
    "Time Limit (sec)\n(Max: 300 seconds)",
    "Correct Answer(s)\n(Only include Answer #)",
]
TIME_LIMIT = 20
_NO_TYPE = "Blooket's questions are multiple choice"


def _padded(row: list) -> list:
    return row + [""] * (COLUMNS - len(row))


def render(quiz: Quiz) -> tuple[bytes, LeftOut]:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(_padded(TITLE_ROW))
    out.writerow(_padded(HEADER_ROW))
    left_out: LeftOut = []
    number = 0
    for q in questions(quiz):
        if q.type == "mcq":
            check_choice(q)
            text, answers, right = q.prompt, list(q.options), q.correct[0]
        elif q.type == "truefalse":
            right = 0 if q.answer.strip().lower() == "true" else 1
            text, answers = statement(q), ["True", "False"]
        else:
            left_out.append((q.type, _NO_TYPE))
            continue
        if len(answers) > 4:
            left_out.append((q.type, "more than Blooket's four answers"))
            continue
        number += 1
        answers = [cell(a) for a in answers] + [""] * (4 - len(answers))
        out.writerow(_padded([number, cell(text), *answers, TIME_LIMIT, right + 1]))
    return buf.getvalue().encode("utf-8"), left_out
