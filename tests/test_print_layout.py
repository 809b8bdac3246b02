"""The printed quiz as a teacher marks it: room to write what the answer needs, no heading or
question cut from what follows it, no page printed for a few questions, a compact answer grid on
top of the key, quotes that read as text, and an HTML key hidden on screen but printed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from importlib import resources

import pytest

from deirquiz.model import Question, Quiz, Source
from deirquiz.writers import markdown as md_writer
from deirquiz.writers import pdf as pdf_writer
from deirquiz.writers import webpage as html_writer
from deirquiz.writers.quotes import quote
from deirquiz.writers.sheet import LETTERS, sheet

from .conftest import ALL
from .test_printable import TITLE, URL, mixed_quiz, pdf_pages, pdf_text, unescape_md


def expected_key(q: Question) -> str:
    if q.type == "mcq":
        return LETTERS[q.correct[0]]
    if q.type == "order":
        return ", ".join(LETTERS[i] for i in q.correct)
    return " ".join(q.answer.split())


def printed(quiz: Quiz) -> list[Question]:
    groups: dict[str, list[Question]] = {}
    for q in quiz.questions:
        groups.setdefault(q.topic, []).append(q)
    return [q for g in groups.values() for q in g]


@pytest.fixture(scope="module")
def full_quizzes(templates) -> list[Quiz]:
    """Every article's printed lesson with the details too: the most varied sheets we have."""
    from deirquiz.pipeline import Options, quiz_for

    return [quiz_for(p, templates, Options(depth="full")).for_print() for p in ALL]


def basic(n: int, answer: str) -> Question:
    return Question(f"q{n}", "overview", "basic", f"Question {n}: what is asked here?", answer,
                    Source(answer, "infobox: result", TITLE, URL))  # fmt: skip


# --- the key -------------------------------------------------------------------------------


def test_markdown_key_opens_with_every_answer_in_one_line(full_quizzes):
    for quiz in [mixed_quiz(), *full_quizzes]:
        text, _ = md_writer.render(quiz)
        key = text.split("\n## Answer key\n\n", 1)[1]
        grid = key.split("\n", 1)[0]
        cells = re.findall(r"\*\*(\d+)\*\* (.*?)(?= · \*\*\d+\*\* |$)", grid)
        assert [int(n) for n, _ in cells] == list(range(1, len(quiz.questions) + 1))
        for (_, shown), q in zip(cells, printed(quiz), strict=True):
            assert unescape_md(shown) == expected_key(q)
        assert key.index("### Sources") > len(grid)


def test_html_and_pdf_grids_give_every_answer_in_order(full_quizzes):
    for quiz in [mixed_quiz(), *full_quizzes]:
        page = html_writer.render(quiz)
        cells = re.findall(r'<span class="cell span-\d"><strong>(\d+)</strong> (.*?)</span>', page)
        keys = [expected_key(q) for q in printed(quiz)]
        assert [int(n) for n, _ in cells] == list(range(1, len(keys) + 1))
        assert [shown for _, shown in cells] == [html_writer.escape(k) for k in keys]
        rows = pdf_writer.data(quiz)["key_grid"]
        assert [c["number"] for row in rows for c in row] == list(range(1, len(keys) + 1))
        assert [c["key"] for row in rows for c in row] == keys
        assert all(sum(c["span"] for c in row) <= 6 for row in rows)


def test_pdf_key_is_one_page_with_the_grid_on_top(tmp_path, full_quizzes):
    for quiz in full_quizzes:
        pages = pdf_text(tmp_path, pdf_writer.render(quiz))
        if pages is None:
            pytest.skip("pdftotext not installed")
        key = pages[-1]
        assert "Answer key" in key and "page 1 of 1" in key, "the key runs onto a second page"
        assert "Answer key" not in pages[-2]
        assert key.index("SOURCES") > key.index("Answer key")


# --- quotes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Syrian Arab Republic\n* Syrian Armed Forces\n* Russia\nIran",
         "Syrian Arab Republic; Syrian Armed Forces; Russia; Iran"),
        ("Syrian Arab Republic · * Syrian Armed Forces · Russia",
         "Syrian Arab Republic · Syrian Armed Forces · Russia"),
        ("Nagumo's carriers, *Akagi* and **Kaga**, sailed.", "Nagumo's carriers, Akagi and Kaga, sailed."),
        ("13 March – 7 May 1954\n(1 month, 3 weeks and 3 days)",
         "13 March – 7 May 1954 (1 month, 3 weeks and 3 days)"),
        ("5,700 killed; (8,000 according to Livy)", "5,700 killed (8,000 according to Livy)"),
        ("Allied militias:\n* Liwa Fatemiyoun", "Allied militias: Liwa Fatemiyoun"),
    ],
)  # fmt: skip
def test_a_quote_reads_as_a_sentence(raw, shown):
    assert quote(raw) == shown


def test_key_sources_hold_no_stray_marks(full_quizzes):
    quizzes = [*full_quizzes, _with_raw_sources(mixed_quiz())]
    for quiz in quizzes:
        for item in sheet(quiz).items:
            for text in (item.source, item.explanation):
                assert "*" not in text and ".;" not in text and "; (" not in text, text
                assert "\n" not in text


def _with_raw_sources(quiz: Quiz) -> Quiz:
    """The quiz with the converter's raw infobox lines as sources and a dated list as an
    ordering's explanation."""
    raw = "Syrian Arab Republic\n* *Syrian Armed Forces*\n* Russia\nAllied militias:\n* Liwa"
    dated = "3 Nov: The army took it.; 4 Nov: It fell."
    qs = [
        replace(q, source=replace(q.source, text=raw),
                explanation=dated if q.type == "order" else q.explanation)
        for q in quiz.questions
    ]  # fmt: skip
    return replace(quiz, questions=tuple(qs))


# --- room to write -------------------------------------------------------------------------


def test_writing_room_follows_the_expected_answer():
    answers = ["1863", "the Confederate States of America", "x" * 70, "y" * 140]
    quiz = Quiz(TITLE, "q", "q.md", URL, 1, tuple(basic(i, a) for i, a in enumerate(answers)))
    assert [i.lines for i in sheet(quiz).items] == [1, 1, 2, 3]
    text, _ = md_writer.render(quiz, answer_key="none")
    blocks = re.split(r"\n\d+\. ", text)[1:]
    assert [b.count("_" * 30) for b in blocks] == [1, 1, 2, 3]
    page = html_writer.render(quiz, answer_key="none")
    assert page.count('<p class="write">') == 4 and page.count('<p class="write more">') == 3


def test_a_blank_is_as_wide_as_the_answer_and_never_points_at_an_option():
    short = replace(basic(1, "Ayyash"), type="cloze", prompt="The army took _____ at dawn.")
    long = replace(short, id="q2", answer="the Al-Jazeera University campus")
    choice = Question("q3", "timeline", "mcq", "On _____, the city fell.", "3 November 2017",
                      short.source, options=("3 November 2017", "9 September 2017", "1 May 1999",
                                             "5 May 1990"), correct=(0,))  # fmt: skip
    items = sheet(Quiz(TITLE, "q", "q.md", URL, 1, (short, long, choice))).items
    assert [i.gap for i in items] == [8, 16, 12]
    assert items[0].lines == items[1].lines == 0  # written in the blank


# --- pages ---------------------------------------------------------------------------------


def test_html_keeps_each_heading_with_its_first_question(full_quizzes):
    for quiz in full_quizzes:
        page = html_writer.render(quiz)
        for block in page.split('<section class="topic">')[1:]:
            assert re.match(r'<div class="keep"><h2>[^<]*</h2>\n<div class="q"', block), block[:80]


def test_pdf_pages_end_with_a_question_not_a_heading(tmp_path, full_quizzes):
    for quiz in full_quizzes:
        pages = pdf_text(tmp_path, pdf_writer.render(quiz, answer_key="none"))
        if pages is None:
            pytest.skip("pdftotext not installed")
        headings = [s.heading.upper() for s in sheet(quiz).sections]
        for text in pages:
            last = max((text.rfind(h) for h in headings), default=-1)
            assert last < 0 or re.search(r"\d+\.", text[last:]), "a heading ends a page"


def test_a_page_for_a_few_questions_is_saved(tmp_path):
    """The smallest quiz whose questions spill onto a second page at the normal spacing prints
    them on one."""
    import typst

    template = str(resources.files("deirquiz.writers") / "quiz.typ")
    for n in range(10, 40):
        quiz = Quiz(TITLE, "q", "q.md", URL, 1, tuple(basic(i, "Union victory") for i in range(n)))
        doc = pdf_writer.data(quiz)
        normal = typst.Compiler(template, sys_inputs={"data": json.dumps(doc)})
        if pdf_writer._questions_end(normal, doc["paper"])[0] > 1:
            break
    else:
        pytest.fail("forty questions fit one page at the normal spacing")
    data = pdf_writer.render(quiz)
    assert pdf_pages(data) == 2  # the questions on one page, the key on the next
    pages = pdf_text(tmp_path, data)
    if pages is not None:
        assert len(re.findall(r"^\s*\d+\.\s", pages[0], re.M)) == n


# --- the HTML key --------------------------------------------------------------------------


def test_html_hides_the_key_on_screen_and_prints_it_on_its_own_page():
    page = html_writer.render(mixed_quiz())
    key = page.index('<section class="key">')
    toggle = page.rindex("<details", 0, key)
    assert page[toggle:key].startswith(
        '<details class="key-toggle"><summary>Show the answer key</summary>'
    )
    assert "<details open" not in page and "<script" not in page
    css = page[page.index("@media print") :]
    assert ".key-toggle { break-before: page;" in css
    assert ".key-toggle::details-content { content-visibility: visible; display: block; }" in css


@pytest.mark.skipif(not shutil.which("chromium"), reason="no headless Chromium here")
def test_html_printed_by_chromium_has_the_key_on_its_own_last_page(tmp_path):
    page = tmp_path / "quiz.html"
    page.write_text(html_writer.render(mixed_quiz()), encoding="utf-8")
    out = tmp_path / "printed.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={out}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    pages = pdf_text(tmp_path, out.read_bytes())
    if pages is None:
        pytest.skip("pdftotext not installed")
    assert "ANSWER KEY" in pages[-1] and "Show the answer key" not in " ".join(pages)
    assert not any("ANSWER KEY" in p for p in pages[:-1])
