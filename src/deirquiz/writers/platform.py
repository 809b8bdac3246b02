"""What the classroom-platform writers share: article text made safe for each kind of file, the
credit Wikipedia's licence asks for, and the list of questions a file had to leave out.

Every writer returns ``(bytes, left_out)``: ``left_out`` names, per question it could not write
faithfully, the question's type and why, for the command line's summary.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from ..model import DeirquizError, Question, Quiz
from .anki import html_text, is_repeat, note_guid, safe_href, topic_heading

LeftOut = list[tuple[str, str]]  # (question type, why it is not in the file)
CREDIT = "Wikipedia, CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"

# What XML 1.0 cannot hold at all (and what no file of ours should carry).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_TRUE_OR_FALSE = re.compile(r"^\s*true\s+or\s+false\s*[:?]\s*", re.IGNORECASE)
# A spreadsheet reads a cell starting with one of these as a formula (or, for @, a function).
_FORMULA_START = ("=", "+", "-", "@")


def plain(text: str) -> str:
    """One line of text: no control characters, tabs or line breaks, single spaces."""
    return " ".join(_UNWRITABLE.sub(" ", text).split())


def html(text: str) -> str:
    """Article text as HTML that shows as written: escaped, braces and brackets as entities (no
    template or filter syntax), line breaks as <br>."""
    return html_text(_UNWRITABLE.sub("", text))


def cell(text: str) -> str:
    """Text for a spreadsheet cell (CSV, TSV): one line, and never read as a formula. A leading
    apostrophe is how spreadsheets themselves mark a cell as text."""
    text = plain(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def statement(q: Question) -> str:
    """A true/false prompt without its "True or false:" (the platform asks that itself)."""
    return _TRUE_OR_FALSE.sub("", q.prompt)


def check_choice(q: Question) -> None:
    """A multiple-choice question names exactly one of its options as right (or it would be
    imported with the wrong answer marked, or none)."""
    if len(q.options) < 2 or len(q.correct) != 1 or not 0 <= q.correct[0] < len(q.options):
        raise DeirquizError(f"question {q.id}", "a multiple-choice question needs 2 or more "
                            f"options and one right one, not {len(q.options)} and {q.correct}")  # fmt: skip


def unknown_type(q: Question) -> DeirquizError:
    return DeirquizError(f"question {q.id}", f"unknown question type {q.type!r}")


def check_order(q: Question) -> None:
    if len(q.options) < 2 or sorted(q.correct) != list(range(len(q.options))):
        raise DeirquizError(f"question {q.id}", "an order question needs 'correct' to list "
                            "every option once")  # fmt: skip


def heading(quiz: Quiz, topic: str) -> str:
    return quiz.heading(topic) if quiz.headings else topic_heading(topic)


def questions(quiz: Quiz) -> list[Question]:
    """The quiz's questions, each once (a quiz combined with itself holds them twice)."""
    written: dict[str, Question] = {}
    out = []
    for q in quiz.questions:
        if not is_repeat(q, written):
            written[note_guid(q)] = q
            out.append(q)
    return out


def by_topic(quiz: Quiz) -> list[tuple[str, list[Question]]]:
    """The questions grouped by topic, topics in the quiz's order, questions in quiz order."""
    groups: dict[str, list[Question]] = {t: [] for t in quiz.topics}
    for q in questions(quiz):
        groups.setdefault(q.topic, []).append(q)
    return [(t, qs) for t, qs in groups.items() if qs]


def short_name(text: str, limit: int = 80) -> str:
    """A question's name: the start of its text, cut at a word, as Moodle would name it."""
    text = plain(text)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _source(q: Question, quiz: Quiz) -> tuple[str, str | None]:
    return q.source.title or quiz.title, q.source.url or quiz.url


def feedback_html(q: Question, quiz: Quiz) -> str:
    """The general feedback: the explanation, the sentence or infobox entry quoted, and the
    article linked with its licence."""
    title, url = _source(q, quiz)
    href = safe_href(url)
    link = f'<a href="{href}">{html(title)}</a>' if href else html(title)
    parts = [f"<p>{html(q.explanation)}</p>"] if q.explanation.strip() else []
    if q.source.text.strip():
        parts.append(f"<blockquote>{html(q.source.text)}</blockquote>")
    where = f" · {html(q.source.where)}" if q.source.where.strip() else ""
    parts.append(f'<p>Source: {link}{where} ({CREDIT}, <a href="{LICENCE_URL}">licence</a>)</p>')
    return "".join(parts)


def credit_line(quiz: Quiz) -> str:
    """One plain line crediting every article the quiz quotes."""
    seen = dict.fromkeys(_source(q, quiz) for q in quiz.questions) or {(quiz.title, quiz.url): None}
    names = "; ".join(plain(f"{t} ({u})" if u else t) for t, u in seen)
    return f"Questions made by deirquiz from {names}. Text: {CREDIT} ({LICENCE_URL})."


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``entries`` with fixed dates, so the same quiz gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def rezip(data: bytes) -> bytes:
    """The same zip with its entries' dates fixed (a library stamps them with the clock)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return zip_bytes((n, z.read(n)) for n in z.namelist())
