"""The Anki writer, checked by importing its packages into a real Anki collection.

The assertions hold for any Quiz: the hand-made quizzes below can give way to generated ones by
replacing the ``quizzes`` fixture.
"""

from __future__ import annotations

import html
import io
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest

from deirquiz.model import DeirquizError, Question, Quiz, Source
from deirquiz.writers.anki import NOTE_TYPES, note_guid, stable_id, topic_heading, write_apkg

TITLE = "Deir ez-Zor offensive (September–November 2017)"
URL = "https://en.wikipedia.org/wiki/Deir_ez-Zor_offensive_(September%E2%80%93November_2017)"
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> {{c1::x}} {{c2::y}} {{Front}} "
    "[sound:x.mp3] "
)
TEMPLATE_ERRORS = ("templates/errors", "Please edit", "No cloze", "{{", "}}")
OPTIONAL_FIELDS = {"Explanation", "Extra"}  # empty when a template gives no explanation


# --- hand-made quizzes ------------------------------------------------------------------------


def _source(text: str, where: str, title: str = TITLE, url: str | None = URL) -> Source:
    return Source(text=text, where=where, title=title, url=url)


def _deir_ez_zor() -> Quiz:
    cmd = _source("Maj. Gen. Issam Zahreddine (Republican Guard)", "infobox: commander1")
    events = _source(
        "On 14 September, the Syrian Army captured the district of Al-Baghiliyah.",
        "section: Surrounding the city",
    )
    qs = (
        Question("deir:cmd-unit:basic", "commanders", "basic",
                 "Which formation did Issam Zahreddine command?", "Republican Guard", cmd,
                 template="cmd-unit", explanation="He was killed by a mine in October 2017."),
        Question("deir:cmd-unit:mcq", "commanders", "mcq",
                 "Issam Zahreddine commanded which formation?", "Republican Guard", cmd,
                 options=("Tiger Forces", "Republican Guard", "Baqir Brigade",
                          "Military Security Shield Forces"),
                 correct=(1,), template="cmd-unit"),
        Question("deir:cmd-unit:truefalse", "commanders", "truefalse",
                 "Issam Zahreddine commanded the Tiger Forces.", "False", cmd,
                 options=("True", "False"), correct=(1,), template="cmd-unit",
                 explanation="False: Issam Zahreddine commanded the Republican Guard."),
        Question("deir:capture:cloze", "timeline", "cloze",
                 "On 14 September 2017, the Syrian Army captured the district of _____.",
                 "Al-Baghiliyah", events, template="capture"),
        Question("deir:events:order", "timeline", "order",
                 "Put these events of the offensive in chronological order.",
                 "C (9 September 2017), A (14 September 2017), D (17 October 2017), "
                 "B (3 November 2017)", events,
                 options=("The army captured Al-Baghiliyah", "The army entered Al-Bukamal",
                          "The siege of Deir ez-Zor was broken", "The army captured Janenah"),
                 correct=(2, 0, 3, 1), template="events"),
    )  # fmt: skip
    return Quiz(TITLE, "deir-ez-zor-offensive", "seed", URL, 1, qs, ("commanders", "timeline"))


def _second_article() -> Quiz:
    title, url = "Battle of Abu Kamal (2017)", "https://en.wikipedia.org/wiki/Battle_of_Abu_Kamal"
    src = _source("Result: Syrian government victory", "infobox: result", title, url)
    q = Question("abu-kamal:result:basic", "overview", "basic",
                 "What was the result of the Battle of Abu Kamal (2017)?",
                 "Syrian government victory", src, template="result")  # fmt: skip
    return Quiz(title, "battle-of-abu-kamal-2017", "seed", url, 1, (q,), ("overview",))


@pytest.fixture(scope="module")
def quizzes() -> list[Quiz]:
    return [_deir_ez_zor(), _second_article()]


def _hostile(quiz: Quiz) -> Quiz:
    """The quiz with markup and Anki syntax in every piece of article text."""

    def spoil(q: Question) -> Question:
        options = tuple(HOSTILE + o for o in q.options) if q.type in ("mcq", "order") else q.options
        answer = q.answer if q.type == "truefalse" else HOSTILE + q.answer
        if q.type == "mcq":
            answer = options[q.correct[0]]
        source = replace(q.source, text=HOSTILE + q.source.text, title=HOSTILE + q.source.title)
        return replace(q, prompt=HOSTILE + q.prompt, answer=answer, options=options,
                       source=source, explanation=HOSTILE + q.explanation)  # fmt: skip

    return replace(quiz, title=HOSTILE + quiz.title, questions=tuple(map(spoil, quiz.questions)))


# --- helpers ----------------------------------------------------------------------------------


def _questions(quizzes: list[Quiz]) -> dict[str, Question]:
    """Questions by note GUID."""
    return {note_guid(q): q for quiz in quizzes for q in quiz.questions}


def _import(col: Collection, path: Path):
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path))).log


def _notes(col: Collection) -> list:
    return [col.get_note(nid) for nid in col.find_notes("")]


def _cards(col: Collection) -> list:
    return [col.get_card(cid) for cid in col.find_cards("")]


def _sides(card) -> tuple[str, str]:
    """The rendered front and back, without the note type's style sheet."""
    out = card.render_output()
    return out.question_text, out.answer_text


def _db_notes(path: Path) -> dict[str, tuple[str, str]]:
    """guid -> (fields, tags) as stored in the package itself."""
    with zipfile.ZipFile(path) as z:
        data = z.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    try:
        return {g: (f, t) for g, f, t in conn.execute("SELECT guid, flds, tags FROM notes")}
    finally:
        conn.close()


class _Text(HTMLParser):
    """What a reader sees of a piece of HTML: its text, entities decoded, a space per <br>."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.text = ""
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.text += " " if tag == "br" else ""

    def handle_data(self, data):
        self.text += data


class _Tags(HTMLParser):
    """Every start tag of a piece of HTML, as a browser would see it."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _live_dangers(markup: str) -> list[str]:
    found = []
    for tag, attrs in _Tags(markup).tags:
        if tag in ("script", "img", "iframe", "object", "embed"):
            found.append(tag)
        found += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        found += [f"{tag} {v}" for _, v in attrs if v and v.strip().lower().startswith("javas")]
    return found


@pytest.fixture(scope="module")
def imported(quizzes, tmp_path_factory):
    """A fresh collection with the quizzes' package imported."""
    folder = tmp_path_factory.mktemp("imported")
    count = write_apkg(quizzes, folder / "quiz.apkg")
    col = Collection(str(folder / "collection.anki2"))
    _import(col, folder / "quiz.apkg")
    yield col, count
    col.close()


# --- the package in Anki ----------------------------------------------------------------------


def test_every_question_becomes_one_note_with_one_card(imported, quizzes):
    col, count = imported
    expected = len(_questions(quizzes))
    assert (count, col.note_count(), col.card_count()) == (expected, expected, expected)


def test_notes_are_keyed_by_question_id(imported, quizzes):
    col, _ = imported
    assert {n.guid for n in _notes(col)} == set(_questions(quizzes))


def test_each_card_sits_in_its_title_topic_subdeck(imported, quizzes):
    col, _ = imported
    questions = _questions(quizzes)
    title = {q.id: quiz.title for quiz in quizzes for q in quiz.questions}
    for card in _cards(col):
        q = questions[card.note().guid]
        assert col.decks.name(card.did) == f"{title[q.id]}::{topic_heading(q.topic)}"


def test_topic_heading_is_capitalised():
    assert topic_heading("commanders") == "Commanders"
    assert topic_heading("ISIL units") == "ISIL units"


def test_decks_credit_wikipedia_and_its_licence(imported, quizzes):
    col, _ = imported
    for quiz in quizzes:
        desc = col.decks.by_name(quiz.title)["desc"]
        assert "Wikipedia" in desc and "CC BY-SA 4.0" in desc
        assert f'href="{quiz.url}"' in desc


def test_every_note_is_tagged(imported, quizzes):
    col, _ = imported
    questions = _questions(quizzes)
    slug = {q.id: quiz.slug for quiz in quizzes for q in quiz.questions}
    for note in _notes(col):
        q = questions[note.guid]
        expected = {"deirquiz", f"topic::{q.topic}", f"type::{q.type}", slug[q.id]}
        assert expected <= {t.lower() for t in note.tags}


def test_notes_use_our_note_types(imported, quizzes):
    col, _ = imported
    questions = _questions(quizzes)
    for note in _notes(col):
        nt = NOTE_TYPES[questions[note.guid].type]
        assert note.note_type()["name"] == nt.name
        assert note.note_type()["id"] == stable_id(nt.name)
        assert list(note.keys()) == list(nt.fields)


def test_note_types_carry_no_script_or_external_resource(imported):
    col, _ = imported
    for nt in col.models.all():
        if not nt["name"].startswith("deirquiz"):
            continue
        templates = " ".join(t["qfmt"] + t["afmt"] for t in nt["tmpls"]).lower()
        assert "<script" not in templates and "http" not in templates
        css = nt["css"].lower()
        assert "url(" not in css and "@import" not in css and "http" not in css
        assert ".nightmode" in css and ".night_mode" in css


def test_cards_render_without_template_errors(imported):
    col, _ = imported
    for card in _cards(col):
        for side in (card.question(), card.answer()):
            assert not [e for e in TEMPLATE_ERRORS if e in side], side


def test_no_field_is_empty(imported):
    col, _ = imported
    for note in _notes(col):
        empty = [k for k, v in note.items() if not v.strip() and k not in OPTIONAL_FIELDS]
        assert not empty, (note.guid, empty)


def test_source_field_quotes_the_source_and_links_the_article(imported, quizzes):
    col, _ = imported
    questions = _questions(quizzes)
    for note in _notes(col):
        q = questions[note.guid]
        assert f'href="{html.escape(q.source.url)}"' in note["Source"]
        assert " ".join(q.source.text.split()) in " ".join(_Text(note["Source"]).text.split())


def test_multiple_choice_back_marks_the_right_option(imported, quizzes):
    col, _ = imported
    questions = _questions(quizzes)
    for card in _cards(col):
        q = questions[card.note().guid]
        if q.type == "mcq":
            front, back = _sides(card)
            letter = "ABCD"[q.correct[0]]
            assert f"dq-correct-{letter}" in back and "dq-correct-" not in front


def test_cloze_answer_with_colons_is_shown_whole(tmp_path, quizzes):
    """Inside {{c1::…}} a '::' would turn the rest of the answer into a hint."""
    q = next(q for quiz in quizzes for q in quiz.questions if q.type == "cloze")
    quiz = replace(quizzes[0], questions=(replace(q, answer="Al-Baghiliyah::Qwertz"),))
    write_apkg([quiz], tmp_path / "quiz.apkg")
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        _import(col, tmp_path / "quiz.apkg")
        (card,) = _cards(col)
        assert "Qwertz" in _sides(card)[1]
    finally:
        col.close()


# --- hostile article text ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(quizzes, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    spoilt = [_hostile(q) for q in quizzes]
    write_apkg(spoilt, folder / "hostile.apkg")
    col = Collection(str(folder / "collection.anki2"))
    _import(col, folder / "hostile.apkg")
    yield col, spoilt
    col.close()


def test_hostile_text_renders_as_text_not_markup(hostile):
    col, _ = hostile
    for card in _cards(col):
        for side in _sides(card):
            assert "&lt;script&gt;" in side
            assert not _live_dangers(side), side


def test_hostile_sound_tags_play_nothing(hostile):
    col, _ = hostile
    for card in _cards(col):
        out = card.render_output()
        assert out.question_av_tags == [] and out.answer_av_tags == []


def test_hostile_anki_syntax_is_inert(hostile):
    col, spoilt = hostile
    assert col.card_count() == len(_questions(spoilt))  # no {{c2::…}} card
    for note in _notes(col):
        for name, value in note.items():
            live = value.count("{{") + value.count("}}")
            assert live == (2 if name == "Text" else 0), (name, value)
            assert "[sound:" not in value


def test_hostile_deck_title_stays_text(hostile):
    col, _ = hostile
    for deck in col.decks.all_names_and_ids():
        desc = col.decks.get(deck.id)["desc"]
        assert not _live_dangers(desc)


def test_invalid_question_is_refused_and_leaves_the_old_package(tmp_path, quizzes):
    path = tmp_path / "quiz.apkg"
    path.write_bytes(b"old")
    bad = replace(quizzes[0].questions[0], type="cloze", prompt="No blank here.")
    with pytest.raises(DeirquizError, match="blank"):
        write_apkg([replace(quizzes[0], questions=(bad,))], path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.apkg"]


def test_a_quiz_combined_with_itself_writes_each_note_once(tmp_path, quizzes):
    count = write_apkg([quizzes[0], quizzes[0]], tmp_path / "quiz.apkg")
    assert count == len(quizzes[0].questions) == len(_db_notes(tmp_path / "quiz.apkg"))


def test_two_questions_under_one_id_are_refused(tmp_path, quizzes):
    q = quizzes[0].questions[0]
    twin = replace(q, prompt="Another question entirely?")
    with pytest.raises(DeirquizError, match="share this id"):
        write_apkg([replace(quizzes[0], questions=(q, twin))], tmp_path / "quiz.apkg")


def test_unwritable_target_is_a_user_error(tmp_path, quizzes):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(DeirquizError, match="cannot write"):
        write_apkg(quizzes, tmp_path / "file" / "quiz.apkg")


def test_importing_the_writer_does_not_import_genanki():
    code = "import sys, deirquiz.writers.anki; print('genanki' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- re-import and determinism ----------------------------------------------------------------


def test_reimport_updates_notes_in_place(tmp_path, quizzes):
    first = write_apkg(quizzes, tmp_path / "a.apkg", timestamp=1_700_000_000)
    reworded = [
        replace(
            quiz,
            questions=tuple(replace(q, prompt="Reworded: " + q.prompt) for q in quiz.questions),
        )
        for quiz in quizzes
    ]
    write_apkg(reworded, tmp_path / "b.apkg", timestamp=1_700_000_060)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        _import(col, tmp_path / "a.apkg")
        log = _import(col, tmp_path / "b.apkg")
        assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, first, 0)
        assert col.note_count() == first and col.card_count() == first
        assert all(n.fields[0].startswith("Reworded: ") for n in _notes(col))
    finally:
        col.close()


def test_same_input_gives_same_guids_and_fields(tmp_path, quizzes):
    write_apkg(quizzes, tmp_path / "a.apkg")
    write_apkg(quizzes, tmp_path / "b.apkg", timestamp=1_800_000_000)
    assert _db_notes(tmp_path / "a.apkg") == _db_notes(tmp_path / "b.apkg")


def test_fixed_timestamp_gives_identical_bytes(tmp_path, quizzes):
    write_apkg(quizzes, tmp_path / "a.apkg", timestamp=1_700_000_000)
    write_apkg(quizzes, tmp_path / "b.apkg", timestamp=1_700_000_000)
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()


@pytest.mark.filterwarnings("error")
def test_writing_leaves_no_temp_files(tmp_path, quizzes, monkeypatch):
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))  # where genanki puts its db
    out = tmp_path / "out"
    write_apkg(quizzes, out / "quiz.apkg")
    write_apkg(quizzes, out / "quiz.apkg")  # and over an existing package
    assert [p.name for p in out.iterdir()] == ["quiz.apkg"]
    assert list(system_tmp.iterdir()) == []
    assert zipfile.ZipFile(io.BytesIO((out / "quiz.apkg").read_bytes())).testzip() is None
