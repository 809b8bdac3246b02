"""Kahoot's spreadsheet import (.xlsx): in the Kahoot creator, Add question → Import spreadsheet.

The sheet follows Kahoot's quiz template: its note rows, the header on row 8, one question per row
from row 9 with up to four answers, a time limit from Kahoot's allowed set and the number of the
right answer. Kahoot takes questions of at most 120 characters and answers of at most 75: a
question that is longer loses its leading phrase naming the article ("In the Battle of X, ...",
which the kahoot's title says already) when that is enough, an answer its final full stop;
anything still too long is left out. Kahoot's quiz questions are multiple choice, so true/false
questions come as the two answers True and False; there is no written answer, blank or ordering.
Every text cell is written as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from ..model import Question, Quiz
from .platform import LeftOut, check_choice, credit_line, plain, questions, rezip, statement

QUESTION_MAX, ANSWER_MAX = 120, 75
TIMES = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 8
HEADER = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
_NOTES = {  # the template's note rows (column B), the example row's note replaced by the credit
    2: "Quiz template",
    3: "Add questions, at least two answer alternatives, time limit and choose correct answers "
    "(at least one). Have fun creating your awesome quiz!",
    4: "Remember: questions have a limit of 120 characters and answers can have 75 characters "
    "max. Text will turn red in Excel or Google Docs if you exceed this limit. If several "
    "answers are correct, separate them with a comma.",
    6: "And remember, if you're not using Excel you need to export to .xlsx format before you "
    "upload to Kahoot!",
}
_CONTEXT = re.compile(r"(?:In|During)\s+([^,]+),\s+(?=\S)")
_FILLER = {"the", "of", "a", "an", "and", "in", "on", "at"}
_NO_TYPE = "Kahoot has no such question type"
_TOO_LONG = "longer than Kahoot's 120 characters a question, 75 an answer"


def length(text: str) -> int:
    """Length as Kahoot counts it (JavaScript: UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold())) - _FILLER


def _question(q: Question, quiz: Quiz) -> str | None:
    """The question's text within Kahoot's limit, or None. The one shortening allowed: dropping
    a leading "In/During <the article's subject>," that the kahoot's title gives already."""
    text = plain(statement(q) if q.type == "truefalse" else q.prompt)
    if length(text) <= QUESTION_MAX:
        return text
    m = _CONTEXT.match(text)
    titles = _words(quiz.title) | _words(q.source.title)
    if not m or not _words(m.group(1)) <= titles:
        return None
    rest = text[m.end() :]
    rest = rest[:1].upper() + rest[1:]
    return rest if length(rest) <= QUESTION_MAX else None


def _answer(text: str) -> str | None:
    text = plain(text)
    if length(text) > ANSWER_MAX and text.endswith("."):
        text = text[:-1]
    return text if 0 < length(text) <= ANSWER_MAX else None


def _time(texts: list[str]) -> int:
    """20 s, longer where reading the question and its answers takes more (20 characters a
    second, and 5 s to choose), from Kahoot's allowed set."""
    need = 5 + sum(map(length, texts)) / 20
    return next((t for t in TIMES if t >= max(20, need)), TIMES[-1])


def row(q: Question, quiz: Quiz) -> list | None:
    """The question as the sheet's columns B to H, or None when it cannot be written."""
    if q.type == "mcq":
        check_choice(q)
        options, right = list(q.options), q.correct[0]
    else:
        options, right = ["True", "False"], 0 if q.answer.strip().lower() == "true" else 1
    question = _question(q, quiz)
    answers = [_answer(o) for o in options]
    if question is None or None in answers or len(answers) > 4:
        return None
    texts = [question, *(a for a in answers if a)]
    return [question, *answers, *[None] * (4 - len(answers)), _time(texts), right + 1]


def render(quiz: Quiz) -> tuple[bytes, LeftOut]:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # heavy: only for a kahoot

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    notes = {**_NOTES, 5: credit_line(quiz)}
    for r, text in sorted(notes.items()):
        ws.cell(r, 2, text)
    for c, text in enumerate(HEADER, 1):
        ws.cell(HEADER_ROW, c, text or None)
    left_out: LeftOut = []
    r = HEADER_ROW
    for q in questions(quiz):
        values = row(q, quiz) if q.type in ("mcq", "truefalse") else None
        if values is None:
            left_out.append((q.type, _NO_TYPE if q.type not in ("mcq", "truefalse") else _TOO_LONG))
            continue
        r += 1
        for c, value in enumerate([r - HEADER_ROW, *values], 1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, even when it starts with "="
    return _xlsx(wb), left_out


def _xlsx(wb) -> bytes:
    """The workbook's bytes, the same for the same quiz: openpyxl's own save stamps the file
    with the clock (its modified date, its zip entries' dates)."""
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    wb.properties.created = wb.properties.modified = dt.datetime(2000, 1, 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return rezip(buf.getvalue())
