"""Kahoot, Blooket, Quizlet and Anki's text import, read back with what reads them (openpyxl,
csv, the real ``anki`` package), for the seed and every shared article; and ``--format all``."""

from __future__ import annotations

import csv
import io
import time

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest, ImportCsvRequest
from click.testing import CliRunner
from openpyxl import load_workbook

from deirquiz.cli import main
from deirquiz.formats import PLATFORMS
from deirquiz.writers import anki_csv, blooket, kahoot, quizlet
from deirquiz.writers.anki import write_apkg
from deirquiz.writers.platform import plain, questions

from .conftest import ALL, SEED
from .test_formats import quiz, text_of  # noqa: F401  (the per-article quiz fixture)

FORMULA = ("=", "+", "-", "@")


def answers_of(q) -> list[str]:
    return [plain(o) for o in q.options] if q.type == "mcq" else ["True", "False"]


def right_of(q) -> str:
    return plain(q.options[q.correct[0]]) if q.type == "mcq" else q.answer.strip().title()


# --- Kahoot -----------------------------------------------------------------------------------


def test_kahoot_sheet_follows_the_template_and_its_limits(quiz):  # noqa: F811
    data, left_out = kahoot.render(quiz)
    ws = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in ws[kahoot.HEADER_ROW]][1:] == list(kahoot.HEADER[1:])
    rows = list(ws.iter_rows(min_row=kahoot.HEADER_ROW + 1))
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    choices = [q for q in questions(quiz) if q.type in ("mcq", "truefalse")]
    kept = iter(choices)
    for n, row in enumerate(rows, 1):
        number, question, *answers, time, right = (c.value for c in row[:8])
        assert number == n and kahoot.length(question) <= kahoot.QUESTION_MAX
        given = [a for a in answers if a is not None]
        assert len(given) >= 2 and answers[: len(given)] == given
        assert all(kahoot.length(a) <= kahoot.ANSWER_MAX for a in given)
        assert time in kahoot.TIMES and 1 <= right <= len(given)
        q = next(q for q in kept if _same(q, question, given))  # in quiz order
        assert given[right - 1].rstrip(".") == right_of(q).rstrip(".")
    assert len(rows) + len(left_out) == len(questions(quiz))


def _same(q, question: str, answers: list[str]) -> bool:
    """The row is this question: its answers (perhaps without a full stop), and its text or
    that text without a leading phrase."""
    full = text_of(q)
    return [a.rstrip(".") for a in answers] == [a.rstrip(".") for a in answers_of(q)] and (
        question == full
        or (full.endswith(question[1:]) and full[-len(question)].lower() == question[0].lower())
    )


def test_kahoot_leaves_out_only_what_it_cannot_hold(quiz):  # noqa: F811
    _, left_out = kahoot.render(quiz)
    kept_types = {"mcq", "truefalse"}
    too_long = [t for t, why in left_out if t in kept_types]
    assert {t for t, _ in left_out} - kept_types <= {"basic", "cloze", "order"}
    for q in questions(quiz):
        if q.type in kept_types and kahoot.row(q, quiz) is None:
            fits = kahoot.length(text_of(q)) <= 120 and all(
                kahoot.length(a) <= 75 for a in answers_of(q)
            )
            assert not fits, q.prompt
    assert len(too_long) == sum(
        1 for q in questions(quiz) if q.type in kept_types and kahoot.row(q, quiz) is None
    )


# --- Blooket and Quizlet ----------------------------------------------------------------------


def test_blooket_csv_has_the_template_header_rows_and_marks_the_right_answer(quiz):  # noqa: F811
    data, left_out = blooket.render(quiz)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0] == ["Blooket\nImport Template"] + [""] * 25
    assert rows[1][:8] == blooket.HEADER_ROW and rows[1][8:] == [""] * 18
    choices = [q for q in questions(quiz) if q.type in ("mcq", "truefalse")]
    assert len(rows) - 2 == len(choices) and len(left_out) == len(questions(quiz)) - len(choices)
    for n, (row, q) in enumerate(zip(rows[2:], choices, strict=True), 1):
        assert len(row) == 26 and row[0] == str(n) and row[1] == text_of(q)
        given = [a for a in row[2:6] if a]
        assert given == answers_of(q) and 0 < int(row[6]) <= 300
        assert given[int(row[7]) - 1] == right_of(q)
        assert not any(c.startswith(FORMULA) for c in row)


def test_quizlet_lines_are_term_tab_definition(quiz):  # noqa: F811
    data, left_out = quizlet.render(quiz)
    lines = data.decode("utf-8").split("\n")
    assert lines.pop() == ""
    cards = [q for q in questions(quiz) if q.type in ("basic", "cloze")]
    assert len(lines) == len(cards) and len(left_out) == len(questions(quiz)) - len(cards)
    for line, q in zip(lines, cards, strict=True):
        term, definition = line.split("\t")
        assert (term, definition) == (plain(q.prompt), plain(q.answer))


# --- Anki's text import -----------------------------------------------------------------------


def _import_text(col: Collection, path) -> object:
    metadata = col.get_csv_metadata(path=str(path), delimiter=None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def _notes(col: Collection) -> dict[str, tuple]:
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        decks = {col.decks.name(c.did) for c in note.cards()}
        out[note.guid] = (note.note_type()["name"], list(note.fields), sorted(note.tags), decks)
    return out


@pytest.fixture(scope="module")
def packaged(quiz, tmp_path_factory):  # noqa: F811
    """A collection holding the quiz's .apkg, and the quiz's text file beside it."""
    folder = tmp_path_factory.mktemp("anki-text")
    write_apkg([quiz], folder / "quiz.apkg")
    (folder / "quiz.txt").write_bytes(anki_csv.render(quiz)[0])
    col = Collection(str(folder / "collection.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(folder / "quiz.apkg")))
    yield col, folder
    col.close()


def test_anki_text_import_into_a_collection_with_the_deck_adds_no_duplicate(packaged):
    col, folder = packaged
    before = _notes(col)
    log = _import_text(col, folder / "quiz.txt")
    assert len(log.new) == 0 and len(log.conflicting) == 0 and len(log.missing_notetype) == 0
    assert len(log.updated) + len(log.duplicate) == len(before)
    assert _notes(col) == before


def test_anki_text_import_makes_the_same_notes_as_the_package(packaged):
    col, folder = packaged
    wanted = _notes(col)
    col.remove_notes(list(col.find_notes("")))  # the note types and decks stay
    log = _import_text(col, folder / "quiz.txt")
    assert len(log.new) == len(wanted)
    assert _notes(col) == wanted


# --- the command line -------------------------------------------------------------------------


def test_format_all_writes_every_format_and_says_what_each_left_out(tmp_path):
    result = CliRunner().invoke(
        main, ["generate", "--jobs", "1", "--format", "all", "--out", str(tmp_path), str(SEED)]
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in tmp_path.iterdir()}
    slug = next(n for n in names if n.endswith(".apkg"))[: -len(".apkg")]
    for ext in (".apkg", ".md", ".json", ".html", ".pdf", *(s for _, s in PLATFORMS.values())):
        assert slug + ext in names
    for name in ("kahoot", "quizlet", "blooket"):
        assert f"  {name}: left out " in result.output
    assert "  moodle:" not in result.output and "  qti:" not in result.output


@pytest.mark.parametrize("path", ALL[1:2], ids=["shared"])
def test_platform_files_are_the_same_bytes_every_run(path, tmp_path):
    for run in ("a", "b"):
        time.sleep(1.1 if run == "b" else 0)  # a file stamped with the clock would differ
        args = ["generate", "-q", "--jobs", "1", "--out", str(tmp_path / run), str(path)]
        assert CliRunner().invoke(main, args + [f"--format={f}" for f in PLATFORMS]).exit_code == 0
    for p in (tmp_path / "a").iterdir():
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name
