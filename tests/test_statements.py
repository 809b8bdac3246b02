"""What a statement of the narrative becomes on a card, on the seed with one sentence changed:
the article's meaning kept, nothing made up."""

from __future__ import annotations

from deirquiz.article import parse
from deirquiz.extract import extract
from deirquiz.templating import generate

from .conftest import SEED

ORIGINAL = "On 3 November, Syrian government forces completely captured the city."


def _questions(templates, replacement: str, old: str = ORIGINAL):
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    article = parse(text.replace(old, replacement), str(SEED))
    return generate(extract(article), templates, seed=2017)


def _texts(questions) -> list[str]:
    return [" ".join((q.prompt, *q.options, q.answer)) for q in questions]


def test_another_army_is_not_the_army(templates):
    # "the Army" is the Syrian Army; "the Army of Islam" fought against it
    qs = _questions(templates, "On 3 November, the Army of Islam shelled the city of Maadan.")
    assert not [t for t in _texts(qs) if "Syrian Army of Islam" in t]


def test_the_city_is_named_before_a_part_of_it_not_before_a_verb(templates):
    qs = _questions(templates, "On 3 November, the city fell to government forces.")
    assert not [t for t in _texts(qs) if "Deir ez-Zor city fell" in t]
    qs = _questions(templates, "On 3 November, the Syrian Army entered the city stadium.")
    assert [t for t in _texts(qs) if "the Deir ez-Zor city stadium" in t]


def test_a_codename_is_the_name_not_the_words_after_it(templates):
    qs = _questions(
        templates,
        "On 3 November, the Syrian Army launched an operation codenamed Dawn of Victory to "
        "capture Maadan.",
    )
    got = [q.answer for q in qs if q.template == "codename-in-text"]
    assert "Dawn of Victory" in got and not [a for a in got if "capture" in a]


def test_what_was_said_that_day_stays_on_that_day(templates):
    qs = _questions(
        templates,
        "On 3 November, the Syrian government said forces had entered the town of Maadan.",
    )
    texts = _texts(qs)
    assert [t for t in texts if "On 3 November 2017, the Syrian government said" in t]
    assert not [t for t in texts if "By 3 November 2017, the Syrian government said" in t]


def test_a_formation_name_in_lower_case_words_is_not_that_formation(templates):
    # the infobox's "Tiger Forces" is not "the tiger forces" of a plain phrase
    qs = _questions(
        templates,
        "On 3 November, Iraqi tiger forces crossed the Euphrates near the city of Maadan.",
    )
    assert not [q for q in qs if q.template == "formation-in-text" and "tiger forces" in q.prompt]
    assert not [t for t in _texts(qs) if "Iraqi Tiger Forces" in t]


def test_the_is_added_only_to_a_name_the_article_gives_the(templates):
    qs = _questions(
        templates,
        "On 3 November, the Assad government said that forces loyal to Assad entered Maadan.",
    )
    assert not [t for t in _texts(qs) if "to the Assad" in t]


def test_a_case_that_changes_length_keeps_the_card_whole(templates):
    # "ß" folds to "ss": offsets found in the folded text must not cut the original
    qs = _questions(
        templates,
        "On 3 November, Der Spiegel's Straße desk reported that the Tiger forces entered Maadan.",
    )
    texts = _texts(qs)
    assert [t for t in texts if "the Tiger Forces entered Maadan" in t]
    assert not [t for t in texts if "TTiger" in t or "Forcesentered" in t]
