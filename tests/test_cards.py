"""Cards as a phone shows them: the answer first on the back, long quotes folded, options that
wrap past their letter, a one-line title; and a type-in variant for short answers that keeps
every existing note type's fields."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest

from deirquiz.model import Question, Quiz, Source
from deirquiz.writers import anki_csv
from deirquiz.writers.anki import CSS, NOTE_TYPES, QUOTE_SHOWN, stable_id, write_apkg

TITLE = "Deir ez-Zor offensive (September–November 2017)"
URL = "https://en.wikipedia.org/wiki/Deir_ez-Zor_offensive"
LONG = (
    "On 3 November 2017, after weeks of fighting in the districts of the city, the Syrian Army "
    "and its allies, supported by Russian air strikes, captured the last ISIL-held "
    "neighbourhoods of Deir ez-Zor, and the governor announced that the city had been liberated."
)
EVENTS = (
    "The Syrian Army captured the last ISIL-held neighbourhoods of Deir ez-Zor",
    "Russian Foreign Ministry spokeswoman Maria Zakharova announced the offensive",
    "Pro-government forces crossed the Euphrates River using pontoon bridges",
    "The Syrian Army broke the siege of Deir ez-Zor",
)
DAYS = ("9 September 2017", "15 September 2017", "18 September 2017", "3 November 2017")
ORDER = (3, 1, 2, 0)


def _quiz() -> Quiz:
    long = Source(LONG, "section: Capture of the city", TITLE, URL)
    short = Source(
        "Maj. Gen. Issam Zahreddine (Republican Guard)", "infobox: commander1", TITLE, URL
    )
    options = (
        "Suheil al-Hassan, commander of the Tiger Forces in the Euphrates valley",
        "Valery Asapov, Russian lieutenant general and commander of the 5th Corps",
        "Tariq al-Hassan, commander of the Baqir Brigade militia",
        "Issam Zahreddine, commander of the Republican Guard in Deir ez-Zor",
    )
    listed = "; ".join(f"{d}: {EVENTS[i]}" for d, i in zip(DAYS, ORDER, strict=True))
    qs = (
        Question("c:mcq", "commanders", "mcq", "Who was killed after his convoy hit a landmine?",
                 options[3], long, options=options, correct=(3,)),
        Question("c:order", "timeline", "order", "Put these events in the order they happened.",
                 " → ".join(DAYS), long, options=EVENTS, correct=ORDER, explanation=listed),
        Question("c:short", "overview", "basic", "What was the offensive's codename?",
                 "Assad's jump", short),
        Question("c:long", "overview", "basic", "What was the result of the offensive?",
                 "Decisive Syrian Arab Army victory over the Islamic State", short),
    )  # fmt: skip
    return Quiz(TITLE, "deir", "seed", URL, 1, qs, ("commanders", "timeline", "overview"))


@pytest.fixture(scope="module", params=[False, True], ids=["default", "type-in"])
def collection(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    write_apkg([_quiz()], folder / "q.apkg", type_in=request.param)
    col = Collection(str(folder / "c.anki2"))
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(folder / "q.apkg")))
    yield col, request.param
    col.close()


def backs(col) -> dict[str, str]:
    """Question id's type -> the card's back as Anki renders it."""
    out = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        prompt = html.unescape(card.note().fields[0])
        qid = next(q.id for q in _quiz().questions if q.prompt == prompt)
        out[qid] = card.render_output().answer_text
    return out


def test_the_existing_note_types_keep_their_fields():
    assert {k: nt.fields for k, nt in NOTE_TYPES.items() if k != "basic-typein"} == {
        "basic": ("Prompt", "Answer", "Explanation", "Source", "Article"),
        "mcq": ("Prompt", "A", "B", "C", "D", "Correct", "Explanation", "Source", "Article"),
        "truefalse": ("Statement", "Answer", "Explanation", "Source", "Article"),
        "cloze": ("Text", "Extra", "Source", "Article"),
        "order": ("Prompt", "Items", "Order", "Explanation", "Source", "Article"),
    }


def test_multiple_choice_back_gives_the_answer_before_the_options_and_the_quote(collection):
    col, _ = collection
    back = backs(col)["c:mcq"]
    answer = back.index('class="dq-answer dq-right-D"')
    assert back.index("Issam Zahreddine, commander", answer) < back.index('class="dq-options')
    assert back.index('class="dq-options') < back.index('class="dq-source"')


def test_ordering_back_lists_the_events_in_order_with_their_dates_once(collection):
    col, _ = collection
    back = backs(col)["c:order"]
    steps = back[back.index('class="dq-order-list"') : back.index('class="dq-source"')]
    found = [steps.index(EVENTS[i]) for i in ORDER]
    assert found == sorted(found)
    assert [steps.index(d) for d in DAYS] == sorted(steps.index(d) for d in DAYS)
    assert 'class="dq-options"' not in back  # the shuffled list is not repeated
    assert 'class="dq-explanation"' not in back  # nor the same list as an explanation
    assert back.count(EVENTS[0]) == 1 + back[back.index('class="dq-source"') :].count(EVENTS[0])


def test_a_long_quote_folds_around_the_answer_and_a_short_one_shows(collection):
    col, _ = collection
    found = backs(col)
    long = found["c:mcq"]
    fold = long[long.index('<details class="dq-fold">') :]
    summary = re.sub(r"<[^>]+>", "", fold[: fold.index("</summary>")])
    assert len(summary) <= QUOTE_SHOWN + 2 and LONG in re.sub(r"<[^>]+>", "", fold)
    short = found["c:short"]
    assert "<details" not in short and "Maj. Gen. Issam Zahreddine" in short


def test_type_in_asks_short_answers_to_be_typed_and_nothing_else(collection):
    col, type_in = collection
    kinds = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        kinds[html.unescape(note.fields[0])] = note.note_type()["name"]
    typed = "deirquiz Basic (type in) v1"
    assert (kinds["What was the offensive's codename?"] == typed) == type_in
    assert kinds["What was the result of the offensive?"] == "deirquiz Basic v1"
    assert typed not in (kinds[k] for k in kinds if "codename" not in k)


def test_the_type_in_note_type_is_new_with_basic_fields():
    nt = NOTE_TYPES["basic-typein"]
    assert nt.name == "deirquiz Basic (type in) v1" and nt.fields == NOTE_TYPES["basic"].fields
    assert stable_id(nt.name) != stable_id(NOTE_TYPES["basic"].name)
    assert "{{type:Answer}}" in nt.front and "{{type:Answer}}" in nt.back


def test_anki_text_import_names_the_same_note_types(tmp_path):
    text, _ = anki_csv.render(_quiz(), type_in=True)
    rows = [r for r in csv.reader(io.StringIO(text.decode()), delimiter="\t") if r]
    kinds = {html.unescape(r[4]): r[1] for r in rows if not r[0].startswith("#")}
    assert kinds["What was the offensive's codename?"] == "deirquiz Basic (type in) v1"
    assert kinds["What was the result of the offensive?"] == "deirquiz Basic v1"


def test_card_style_wraps_options_past_their_letter_and_keeps_the_title_to_one_line():
    css = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    rules: dict[str, str] = {}  # each selector's first rule: the one outside @media
    for m in re.finditer(r"([^{}]+)\{([^}]*)\}", css):
        rules.setdefault(m.group(1).strip(), m.group(2))
    article = rules[".dq-article"]
    assert "white-space: nowrap" in article and "text-overflow: ellipsis" in article
    assert "uppercase" not in article
    assert "display: flex" in rules[".dq-opt"] and "flex: none" in rules[".dq-letter"]
    phone = css[css.index("@media (max-width: 480px)") :]
    assert ".dq-marked { display: none; }" in phone
