"""Hostile text in the classroom-platform files: the hostile article of test_hostile.py through
`deirquiz generate` into every platform format, and the seed's quiz with attacks at the start of
every piece of text; each file read as its platform reads it. Markup shows as text, GIFT's
specials stay text, no spreadsheet cell starts a formula, a tab or line break never splits a
card or a row.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from click.testing import CliRunner
from lxml import etree
from openpyxl import load_workbook

from deirquiz.cli import main
from deirquiz.formats import PLATFORMS
from deirquiz.writers import anki_csv, blooket, gift, kahoot, moodle, qti, quizlet
from deirquiz.writers.anki import write_apkg
from deirquiz.writers.platform import questions

from . import gift_reader
from .test_formats import QTI, check_qti_structure, shown
from .test_formats_sheets import _import_text
from .test_hostile import CLOZE, FORMULAS, GIFT, SCRIPT, Page, hostile_formations_text, hostile_text

FORMULA = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, bytes]:
    """The hostile article in every platform format: format name -> file content."""
    tmp = tmp_path_factory.mktemp("hostile-platforms")
    (tmp / "hostile.md").write_text(hostile_text(), encoding="utf-8")
    (tmp / "formations.md").write_text(hostile_formations_text(), encoding="utf-8")
    args = ["generate", "-q", "--jobs", "1", "--depth", "full", "--combine", "--out",
            str(tmp / "out"), str(tmp / "hostile.md"), str(tmp / "formations.md")]  # fmt: skip
    result = CliRunner().invoke(main, args + [f"--format={f}" for f in PLATFORMS])
    assert result.exit_code == 0, result.output
    out = {}
    for name, (_, suffix) in PLATFORMS.items():
        (path,) = (tmp / "out").glob(f"*{suffix}")
        out[name] = path.read_bytes()
    return out


def _html_texts_moodle(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return [
        t.text or "" for el in root.iter() if el.get("format") == "html" for t in el.findall("text")
    ]


def _inert(markups: list[str]) -> str:
    """Every piece of HTML runs nothing; what they show, joined."""
    for markup in markups:
        assert Page(markup).live() == [], markup
    return " ".join(shown(m) for m in markups)


def test_hostile_moodle_xml_shows_the_text_and_runs_nothing(files):
    seen = _inert(_html_texts_moodle(files["moodle"]))
    for attack in (SCRIPT, CLOZE, GIFT):
        assert attack in seen
    assert any(f in seen for f in FORMULAS)


def test_hostile_gift_reads_back_whole_and_inert(files):
    read = gift_reader.read(files["gift"].decode("utf-8"))
    texts = [q.text.text for q in read if q.qtype != "category"]
    texts += [a.text for q in read for a, _ in q.answers if q.qtype == "multichoice"]
    texts += [i for q in read for i in q.items] + [q.feedback.text for q in read]
    seen = _inert(texts)
    for attack in (SCRIPT, CLOZE, GIFT):
        assert attack in seen


def test_hostile_qti_shows_the_text_and_runs_nothing(files):
    with zipfile.ZipFile(io.BytesIO(files["qti"])) as z:
        root = etree.fromstring(z.read("assessment.xml"))
    check_qti_structure(root)
    mattexts = list(root.iter(f"{QTI}mattext"))
    seen = _inert([m.text or "" for m in mattexts if m.get("texttype") == "text/html"])
    assert SCRIPT in seen and GIFT in seen


def _cells(data: bytes, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter=delimiter))


def test_hostile_kahoot_cells_are_text_never_formulas(files):
    ws = load_workbook(io.BytesIO(files["kahoot"])).active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
    assert any(str(c.value).startswith(FORMULA) for c in cells)  # there, and only as text


def test_hostile_blooket_and_quizlet_cells_start_no_formula(files):
    rows = _cells(files["blooket"])
    assert not any(c.startswith(FORMULA) for row in rows for c in row)
    assert any(c.startswith("'" + f[0]) for row in rows for c in row for f in FORMULAS)
    for line in files["quizlet"].decode("utf-8").splitlines():
        assert line.count("\t") == 1
        assert not any(side.startswith(FORMULA) for side in line.split("\t"))


def test_hostile_anki_text_import_makes_no_cloze_and_no_live_markup(files, tmp_path):
    quiz_path = tmp_path / "hostile.md"
    quiz_path.write_text(hostile_text(), encoding="utf-8")
    (tmp_path / "formations.md").write_text(hostile_formations_text(), encoding="utf-8")
    from deirquiz.pipeline import Options, combine, quiz_for
    from deirquiz.questions import load_templates

    tset, opts = load_templates(), Options(depth="full")
    parts = [quiz_for(tmp_path / name, tset, opts) for name in ("hostile.md", "formations.md")]
    quiz = combine(parts, tset, opts)
    write_apkg(list(quiz.parts), tmp_path / "h.apkg")
    (tmp_path / "h.txt").write_bytes(files["anki-csv"])
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / "h.apkg")))
        col.remove_notes(list(col.find_notes("")))
        log = _import_text(col, tmp_path / "h.txt")
        assert len(log.new) == col.note_count() == col.card_count() == len(questions(quiz))
        for cid in col.find_cards(""):
            out = col.get_card(cid).render_output()
            for side in (out.question_text, out.answer_text):
                assert Page(side).live() == []
            assert out.question_av_tags == [] and out.answer_av_tags == []
    finally:
        col.close()


# --- attacks at the start of every text, tabs and line breaks inside it ------------------------

STARTS = [*FORMULAS, "\t=tab", "\n=break", GIFT, SCRIPT, CLOZE, "//comment", "[html]<b>"]


@pytest.fixture(scope="module")
def spoilt(seed_quiz):
    """The seed's quiz with an attack opening every prompt, option, answer and quote."""

    def spoil(q, k: int):
        start = STARTS[k % len(STARTS)] + " a\tb\nc "
        options = tuple(start + o for o in q.options) if q.type in ("mcq", "order") else q.options
        answer = options[q.correct[0]] if q.type == "mcq" else q.answer
        answer = answer if q.type in ("mcq", "truefalse") else start + answer
        source = replace(q.source, text=start + q.source.text)
        return replace(q, prompt=start + q.prompt, options=options, answer=answer, source=source)

    # the seed asks no ordering: one made by hand, so that every type meets the attacks
    mcq = next(q for q in seed_quiz.questions if q.type == "mcq")
    order = replace(mcq, id=mcq.id + ":order", type="order", correct=(2, 0, 3, 1),
                    options=("a", "b", "c", "d"), answer="a → b → c → d")  # fmt: skip
    questions = (*seed_quiz.questions, order)
    return replace(seed_quiz, questions=tuple(spoil(q, k) for k, q in enumerate(questions)))


def test_spoilt_sheets_start_no_formula_and_keep_one_row_per_question(spoilt):
    rows = _cells(blooket.render(spoilt)[0])
    assert len(rows) - 2 == sum(q.type in ("mcq", "truefalse") for q in spoilt.questions)
    assert not any(c.startswith(FORMULA) or "\n" in c for row in rows[2:] for c in row)
    lines = quizlet.render(spoilt)[0].decode("utf-8").split("\n")[:-1]
    assert len(lines) == sum(q.type in ("basic", "cloze") for q in spoilt.questions)
    assert all(line.count("\t") == 1 and not line.startswith(FORMULA) for line in lines)
    ws = load_workbook(io.BytesIO(kahoot.render(spoilt)[0])).active
    assert all(
        c.data_type in ("s", "n") for row in ws.iter_rows() for c in row if c.value is not None
    )


def test_spoilt_moodle_gift_and_qti_keep_every_question_and_run_nothing(spoilt):
    root = etree.fromstring(moodle.render(spoilt)[0])
    assert sum(1 for q in root.iter("question") if q.get("type") != "category") == len(
        spoilt.questions
    )
    _inert(_html_texts_moodle(moodle.render(spoilt)[0]))
    data, left_out = gift.render(spoilt)
    read = [q for q in gift_reader.read(data.decode("utf-8")) if q.qtype != "category"]
    assert len(read) + len(left_out) == len(spoilt.questions)
    assert [q.qtype for q in read if q.qtype == "ordering"] and all(
        q.text.format == "html" for q in read
    )
    _inert([q.text.text for q in read] + [i for q in read for i in q.items])
    with zipfile.ZipFile(io.BytesIO(qti.render(spoilt)[0])) as z:
        check_qti_structure(etree.fromstring(z.read("assessment.xml")))


def test_spoilt_anki_text_keeps_one_record_per_note(spoilt):
    text = anki_csv.render(spoilt)[0].decode("utf-8")
    records = list(csv.reader(io.StringIO(text.split("#tags column:4\n", 1)[1]), delimiter="\t"))
    assert len(records) == len(spoilt.questions)
    assert all(r[0] and not r[0].startswith("#") for r in records)
