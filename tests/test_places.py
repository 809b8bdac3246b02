"""The places an article names: read from the words around them, asked where they stand once."""

from __future__ import annotations

from deirquiz.places import Finder, gazetteer, named_once, places_in


def _seed_gazetteer(seed_extraction):
    texts = list(dict.fromkeys(e.text for e in seed_extraction.events))
    return gazetteer(texts, seed_extraction.article.title)


def test_the_seeds_places_with_their_kind(seed_extraction):
    places = _seed_gazetteer(seed_extraction)
    # "capturing Jubaliyah district", "the southern part of the Hamidiyah district"
    assert places["Jubaliyah"] == places["Hamidiyah"] == places["al-Hawiqa"] == "district"
    assert places["Saqr"] == places["Hawijat Qati"] == "island"  # "Saqr Island", "... island"
    # "captured Ayyash", "the town of Janenah", "towards Khasham", "ISIS-held Al-Makhan"
    for town in ("Ayyash", "Janenah", "Khasham", "Al-Makhan", "Maadan", "Mazloum"):
        assert places[town] == "place", town
    # the article's own subject, an army, a river, a possessive: no place to blank
    for not_a_place in ("Deir ez-Zor", "Syrian Army", "Euphrates", "Deir ez-Zor's"):
        assert not_a_place not in places


def test_a_country_is_no_place_to_blank():
    places = gazetteer(["Troops advanced towards Iraq and towards Hamdan."], "X offensive")
    assert places == {"Hamdan": "place"}


def test_a_place_is_blanked_only_where_it_stands_once_and_alone():
    finder = Finder({"Ayyash": "place", "Shaqra": "place", "Hissan": "place", "Maadan": "place"})
    # named twice: a blank over one would leave the answer beside it
    assert named_once("Ayyash fell, then Ayyash was lost.", finder) == []
    # one of a list of three or four tests luck, not knowledge
    listed = "The SDF captured the villages of Shaqra, Hissan and Maadan."
    assert places_in(listed, finder) == []
    assert [p for _, _, p in places_in("The army took Ayyash and Maadan.", finder)] == [
        "Ayyash",
        "Maadan",
    ]


def test_a_longer_name_wins_and_case_may_differ():
    finder = Finder(["Qati", "Hawijat Qati"])
    assert [n for *_, n in finder.find("It held Hawijat Qati island, not Qati.")] == [
        "Hawijat Qati",
        "Qati",
    ]
    folded = Finder(["Tiger Forces", "Republican Guard"], fold=True)
    hits = folded.find("as the Tiger forces and Republican guard units advanced")
    assert [n for *_, n in hits] == ["Tiger Forces", "Republican Guard"]
    assert folded.find("the Tiger Forcesmen") == []  # a whole word or nothing


def test_no_wrong_place_was_taken_the_same_day_or_before_a_by(seed_extraction, seed_questions):
    # "On 16 October, the Syrian Army captured the town of _____": no place of that day offered;
    # "By 31 October, forces had recaptured _____": no place taken before it either
    texts = list(dict.fromkeys(e.text for e in seed_extraction.events))
    finder = Finder(gazetteer(texts, seed_extraction.article.title))
    on_day: dict[str, set[str]] = {}
    for e in seed_extraction.events:
        on_day.setdefault(e.date.isoformat(), set()).update(n for *_, n in finder.find(e.text))
    asked = [q for q in seed_questions if q.template == "place-captured" and q.type == "mcq"]
    assert len(asked) >= 8
    for q in asked:
        day = q.extra["day"]
        wrong = set(q.options) - {q.answer}
        assert not wrong & on_day[day], (q.prompt, wrong & on_day[day])
        if "had " in q.prompt or q.prompt.startswith("By "):
            before = {p for d, ps in on_day.items() if d <= day for p in ps}
            assert not wrong & before, q.prompt


def test_a_place_with_nothing_named_beside_it_is_not_asked(seed_questions):
    # "On 17 October 2017, the town of _____ was captured.": by whom, and near what?
    assert not [q for q in seed_questions if q.template == "place-captured"
                and q.answer == "Janenah"]  # fmt: skip


def test_wrong_places_are_of_the_answers_kind(seed_questions):
    places = {
        q.answer: q for q in seed_questions if q.template == "place-captured" and q.type == "mcq"
    }
    districts = {"Al-Baghiliyah", "Jubaliyah", "Hamidiyah", "al-Hawiqa", "Al-Harabisheh",
                 "al-Kannamat", "al-Rasafeh", "Rashdiyah"}  # fmt: skip
    for answer in ("Al-Harabisheh", "Hamidiyah", "Jubaliyah"):
        assert set(places[answer].options) <= districts, places[answer].options
    assert not set(places["Ayyash"].options) & districts
