"""Every shipped template, pinned on the seed and the shared articles: how many questions it
makes on each, and one of them word for word. A change to extraction, wording or the rules that
moves these is a change a teacher will see: look at what changed, then update the pins."""

from __future__ import annotations

import pytest

from deirquiz.templating import generate, load_templates

from .conftest import ARTICLES, SEED

SHARED = {p.stem: p for p in ARTICLES}
PATHS = {
    "seed": SEED,
    "abu-kamal": SHARED["2017-abu-kamal-offensive"],
    "mayadin": SHARED["2017-mayadin-offensive"],
}

# template -> questions on (seed, abu-kamal, mayadin)
COUNTS = {
    "casualty-exact": (4, 2, 0),
    "casualty-given": (2, 2, 2),
    "combatant-group": (4, 4, 0),
    "commander-unit": (6, 0, 0),
    "unit-commander": (4, 0, 0),
    "commander-rank": (4, 2, 2),
    "rank-commander": (1, 0, 0),
    "commander-country": (4, 1, 1),
    "role-commander": (1, 0, 1),
    "figure-in-text": (4, 0, 0),
    "strength-count": (0, 4, 0),
    "formation-in-text": (4, 0, 1),
    "commander-in-text": (1, 0, 0),
    "person-in-text": (1, 0, 0),
    "codename-in-text": (1, 0, 0),
    "overview-start": (1, 1, 1),
    "overview-end": (1, 1, 1),
    "overview-place": (0, 1, 0),
    "overview-partof": (1, 1, 1),
    "overview-result": (1, 1, 1),
    "overview-codename": (0, 1, 0),
    "place-captured": (24, 6, 0),
    "actor-in-text": (2, 1, 0),
    "event-date": (23, 7, 9),
    "event-which": (12, 2, 1),
    "event-cloze-date": (17, 5, 8),
    "event-true-date": (1, 0, 0),
    "event-order": (5, 1, 1),
    "event-first": (4, 1, 1),
    "context-before": (1, 1, 1),
    "unit-parent": (16, 10, 0),
    "unit-child": (5, 4, 0),
}  # fmt: skip

# template, article, the end of one prompt, its answer
EXAMPLES = [
    ('casualty-exact', 'seed', '017 in the Deir ez-Zor offensive of September–November 2017?', '120'),
    ('casualty-given', 'seed', '017 in the Deir ez-Zor offensive of September–November 2017?', '300+'),
    ('combatant-group', 'seed', 'eptember–November 2017, Liwa Fatemiyoun fought against ISIL.', 'True'),
    ('commander-unit', 'seed', 'r 2017, Issam Zahreddine was a commander in which formation?', 'Republican Guard'),
    ('unit-commander', 'seed', '017, which of these was a commander in the Syrian 5th Corps?', 'Valery Asapov'),
    ('commander-rank', 'seed', 'old in the Deir ez-Zor offensive of September–November 2017?', 'Major General'),
    ('rank-commander', 'seed', 'ich of these commanders held the rank of Lieutenant General?', 'Valery Asapov'),
    ('commander-country', 'seed', 'mber 2017, Valery Asapov was a commander from which country?', 'Russia'),
    ('role-commander', 'seed', ' September–November 2017, who was the IRGC senior commander?', 'Shaaban Ali Amiri'),
    ('figure-in-text', 'seed', 'an in eastern Deir ez-Zor resulted in _____ civilian deaths.', '13'),
    ('strength-count', 'abu-kamal', 'estinian fighters took part in the 2017 Abu Kamal offensive?', '8,000'),
    ('formation-in-text', 'seed', 'th Legion began an advance south of Mazloum towards Khasham.', '4th Mechanized Division'),
    ('commander-in-text', 'seed', 'or General _____ was killed after his convoy hit a landmine.', 'Issam Zahreddine'),
    ('person-in-text', 'seed', "ffensive across the Euphrates River, codenamed Assad's jump.", 'Maria Zakharova'),
    ('codename-in-text', 'seed', ' army offensive across the Euphrates River, codenamed _____.', "Assad's jump"),
    ('overview-start', 'seed', ' the Deir ez-Zor offensive of September–November 2017 begin?', '14 September 2017'),
    ('overview-end', 'seed', 'id the Deir ez-Zor offensive of September–November 2017 end?', '17 November 2017'),
    ('overview-place', 'abu-kamal', 'Where did the 2017 Abu Kamal offensive take place?', 'Deir ez-Zor Governorate, Syria'),
    ('overview-partof', 'seed', 'er–November 2017 was part of which larger campaigns or wars?', 'the Battle of Deir ez-Zor and the Eastern Syria campaign of the Syrian civil war'),
    ('overview-result', 'seed', 'ult of the Deir ez-Zor offensive of September–November 2017?', 'Decisive Syrian Arab Army victory'),
    ('overview-codename', 'abu-kamal', 'What was the codename of the 2017 Abu Kamal offensive?', 'Operation Fajr-3'),
    ('place-captured', 'seed', 'e Al-Jazeera University campus, located within the district.', 'Al-Baghiliyah'),
    ('actor-in-text', 'seed', '__ bombed the positions of the SDF northeast of Deir ez-Zor.', 'the Russian air force'),
    ('event-date', 'seed', ' Al-Jazeera University campus, located within the district.”', '14 September 2017'),
    ('event-which', 'seed', 'November 2017, which of these happened on 15 September 2017?', "Russian Foreign Ministry spokeswoman Maria Zakharova announced the beginning of the army offensive across the Euphrates River, codenamed Assad's jump."),
    ('event-cloze-date', 'seed', 'e Al-Jazeera University campus, located within the district.', '14 September 2017'),
    ('event-true-date', 'seed', ' areas, bringing 90 percent of the city under their control.', 'False'),
    ('event-order', 'seed', 'Put these events of the Deir ez-Zor offe', 'C (14 September 2017), B (15 September 2017), D (16 September 2017), A (18 September 2017)'),
    ('event-first', 'seed', 'e of September–November 2017, which of these happened first?', 'The Russian air force bombed the positions of the SDF northeast of Deir ez-Zor.'),
    ('context-before', 'seed', ' with the 137th brigade base.” On what date did this happen?', '5 September 2017'),
    ('unit-parent', 'seed', '017, the Republican Guard fought as part of which formation?', 'Syrian Arab Army'),
    ('unit-child', 'seed', '2017, which of these fought as part of the Syrian Arab Army?', 'Republican Guard'),
]  # fmt: skip


@pytest.fixture(scope="module")
def made():
    from deirquiz.extract import extract_file

    templates = load_templates()
    return {
        name: generate(extract_file(path), templates, seed=2017) for name, path in PATHS.items()
    }


def test_every_shipped_template_is_pinned():
    assert {t.id for t in load_templates().templates} == set(COUNTS)


@pytest.mark.parametrize("template", sorted(COUNTS))
def test_how_many_questions_each_template_makes(made, template):
    got = tuple(
        sum(q.template == template for q in made[name]) for name in ("seed", "abu-kamal", "mayadin")
    )
    assert got == COUNTS[template]


@pytest.mark.parametrize(("template", "article", "prompt_end", "answer"), EXAMPLES)
def test_one_question_of_each_template_word_for_word(made, template, article, prompt_end, answer):
    found = [q for q in made[article] if q.template == template and q.answer == answer
             and (q.prompt.endswith(prompt_end) or q.prompt.startswith(prompt_end))]  # fmt: skip
    assert found, [(q.prompt, q.answer) for q in made[article] if q.template == template][:3]
