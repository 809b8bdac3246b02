"""What a teacher and a learner see: questions that are true, unambiguous and well formed."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from click.testing import CliRunner

from deirquiz.cli import main
from deirquiz.model import DeirquizError, Question, Source
from deirquiz.pipeline import Options, quiz_for
from deirquiz.templating import generate, load_templates, parse_templates
from deirquiz.validate import problems

from .conftest import ALL, SEED


def test_seed_yields_about_a_hundred_questions_over_all_topics(seed_questions):
    # deliberately fewer than the 150 first asked for: see README "How many questions"
    topics = Counter(q.topic for q in seed_questions)
    assert len(seed_questions) >= 95 and len(topics) == 8, topics


def test_seed_uses_at_least_four_question_types(seed_questions):
    assert len({q.type for q in seed_questions}) >= 4


def test_commanders_topic_gives_at_least_12_questions_all_about_commanders(templates):
    quiz = quiz_for(SEED, templates, Options(topics=("commanders",)))
    assert len(quiz.questions) >= 12
    assert {q.topic for q in quiz.questions} == {"commanders"}


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_generated_question_passes_the_validator(path, templates):
    from deirquiz.extract import extract_file

    for q in generate(extract_file(path), templates, seed=2017):
        assert problems(q) == [], (q.prompt, problems(q))


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_two_questions_share_a_prompt(path, templates):
    from deirquiz.extract import extract_file

    qs = generate(extract_file(path), templates, seed=2017)
    # "put these in order" and "which came first" share a wording over other events: what they
    # ask is the wording with its options
    grouped = ("event-order", "event-first")
    prompts = Counter(
        (q.prompt, tuple(sorted(q.options)) if q.template in grouped else ()) for q in qs
    )
    assert [p for p, n in prompts.items() if n > 1] == []
    assert len({q.prompt for q in qs if q.template not in grouped}) == len(
        [q for q in qs if q.template not in grouped]
    )


def test_every_question_carries_its_source(seed_questions):
    for q in seed_questions:
        assert q.source.text and q.source.title and q.source.url.startswith("https://")


def test_mcq_answer_is_traceable_to_its_source(seed_questions):
    for q in seed_questions:
        if q.topic in ("places", "figures", "commanders", "units") and q.type == "mcq":
            # the infobox's spelling of a formation the text writes 'the Tiger forces'
            text = q.source.text.casefold()
            assert q.answer.casefold() in text or q.template == "commander-rank", q


def test_commander_unit_question_names_the_right_formation(seed_questions):
    # the infobox gives the formation a commander belonged to, so the wording says "a commander in"
    q = next(
        q for q in seed_questions
        if q.template == "commander-unit" and q.type == "mcq" and "Issam Zahreddine" in q.prompt
    )  # fmt: skip
    assert "was a commander in which formation" in q.prompt
    assert q.answer == "Republican Guard"
    assert "Tiger Forces" in q.options or "Baqir Brigade" in q.options


def test_which_commander_is_not_asked_of_a_formation_with_two_commanders(seed_questions):
    asked = [q.prompt for q in seed_questions if q.template == "unit-commander"]
    assert any("Tiger Forces" in p for p in asked)
    assert asked and not any("Republican Guard" in p for p in asked)


def test_unknown_is_never_an_answer_or_option(article_quizzes):
    for quiz in article_quizzes:
        for q in quiz.questions:
            assert "unknown" not in {q.answer.lower(), *(o.lower() for o in q.options)}


def test_mcq_options_are_four_distinct_and_not_variants_of_the_answer(article_quizzes):
    for quiz in article_quizzes:
        for q in quiz.questions:
            if q.type == "mcq":
                assert len(set(q.options)) == 4
                others = [f" {o} " for o in q.options if o != q.answer]
                answer = f" {q.answer} "
                assert not any(answer in o or o in answer for o in others), q


def test_casualty_question_says_who_counted_and_when(seed_questions):
    q = next(q for q in seed_questions if q.topic == "casualties" and "SOHR" in q.prompt)
    assert "between 29 October and 1 November 2017" in q.prompt
    assert q.answer == "101"


def test_a_figure_of_at_least_n_is_asked_as_the_figure_given(seed_questions):
    # "300+ killed": "were 150 killed?" would be true too, so the question asks for the figure
    q = next(q for q in seed_questions if q.template == "casualty-given" and "Syrian" in q.prompt)
    assert q.prompt.startswith("What figure do Syrian claims give for ISIL fighters killed")
    assert q.answer == "300+" and all(o.endswith("+") for o in q.options)


def test_a_figure_of_at_least_n_never_makes_a_true_false_statement(article_quizzes):
    for quiz in article_quizzes:
        assert not [q for q in quiz.questions if q.type == "truefalse" and "+" in q.prompt]


def test_events_outside_the_articles_dates_are_asked_as_before_or_after_it(
    seed_questions, article_quizzes
):
    # the siege was broken on 5 September, before the offensive began on 14 September
    about = [q for q in seed_questions if "137th brigade base" in q.prompt + q.answer]
    assert [(q.template, q.answer) for q in about] == [("context-before", "5 September 2017")]
    assert about[0].prompt.startswith(
        "Before the Deir ez-Zor offensive of September–November 2017 began:"
    )
    for quiz in article_quizzes:
        for q in quiz.questions:
            if q.template.startswith("context-"):
                assert " during " not in q.prompt and q.type == "basic", q.prompt
    # Mayadin's Background: Asapov was killed on 24 September, before that offensive
    mayadin = next(z for z in article_quizzes if "Mayadin" in z.title)
    asapov = [q for q in mayadin.questions if "Asapov was killed" in q.prompt]
    assert [(q.template, q.answer) for q in asapov] == [("context-before", "24 September 2017")]


def test_a_unit_listed_under_a_top_level_entry_is_not_asked(seed_questions):
    # "Russian Armed Forces" only groups what follows it in the infobox
    asked = [q.prompt for q in seed_questions if q.template == "unit-parent"]
    assert asked and not any("Wagner Group" in p or "Russian Navy" in p for p in asked)


def test_one_statement_gives_at_most_four_questions_on_different_facts(article_quizzes):
    # a statement: a sentence, or one dated clause of it ("On 15 September, X, and a day
    # later, Y" holds two)
    for quiz in article_quizzes:
        per = Counter((q.source.text, q.extra.get("day")) for q in quiz.questions
                      if q.type != "order" and q.template != "event-first"
                      and q.source.where.startswith("section:"))  # fmt: skip
        assert max(per.values()) <= 4
    # the date of one statement is asked at most twice, whatever else it gives
    seed = article_quizzes[0]
    when = Counter((q.source.text, q.answer) for q in seed.questions
                   if q.template in ("event-date", "event-cloze-date", "event-true-date"))  # fmt: skip
    assert max(when.values()) <= 2


def test_relative_dates_never_reach_a_card(article_quizzes):
    pattern = re.compile(r"\b(the next day|the following day|a day later|the previous day)\b", re.I)
    for quiz in article_quizzes:
        for q in quiz.questions:
            if pattern.search(q.prompt):
                # only where an absolute date stands before it in the same prompt
                first = re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", q.prompt)
                assert first and first.start() < pattern.search(q.prompt).start(), q.prompt


def test_place_blank_keeps_the_year_of_its_sentence(seed_questions):
    q = next(q for q in seed_questions if q.topic == "places" and q.answer == "Al-Baghiliyah")
    assert q.prompt.startswith(
        "On 14 September 2017, the Syrian Army captured the district of _____"
    )


def test_timeline_question_resolves_the_next_day(seed_questions):
    q = next(q for q in seed_questions if q.template.startswith("event-") and "Janenah" in q.prompt
             and q.type in ("mcq", "cloze"))  # fmt: skip
    assert q.answer == "17 October 2017"


def test_true_false_statements_are_half_true_half_false(seed_questions):
    tf = Counter(q.answer for q in seed_questions if q.type == "truefalse")
    assert tf["True"] and tf["False"] and 0.3 < tf["True"] / sum(tf.values()) < 0.7


def test_question_ids_do_not_depend_on_wording(tmp_path, seed_extraction):
    custom = tmp_path / "mine.yaml"
    custom.write_text(
        "templates:\n"
        "  - id: commander-unit\n    topic: commanders\n    about: commander\n"
        "    require: [unit, certain]\n    answer: unit\n"
        "    types:\n      mcq: 'In {article}, which formation was {name} part of?'\n",
        encoding="utf-8",
    )
    before = {q.id for q in generate(seed_extraction, load_templates(), 2017)
              if q.template == "commander-unit" and q.type == "mcq"}  # fmt: skip
    after = [q for q in generate(seed_extraction, load_templates([custom]), 2017)
             if q.template == "commander-unit" and q.type == "mcq"]  # fmt: skip
    assert {q.id for q in after} == before
    assert all("which formation was" in q.prompt for q in after)


def test_teacher_template_adds_a_question_without_code(tmp_path, seed_extraction):
    custom = tmp_path / "mine.yaml"
    custom.write_text(
        "templates:\n  - id: my-place\n    topic: overview\n    about: overview\n"
        "    answer: result\n    types:\n      basic: 'How did {article} end for each side?'\n",
        encoding="utf-8",
    )
    qs = generate(seed_extraction, load_templates([custom]), 2017)
    assert any(q.template == "my-place" for q in qs)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("templates: [", "does not parse: line"),
        ("- a\n- b\n", "must be a mapping"),
        ("templates:\n  - id: x\n    topic: t\n    about: a\n    answer: b\n", "needs 'types'"),
        ("templates:\n  - id: Bad Id\n", "needs an 'id'"),
        (
            "templates:\n  - id: x\n    topic: t\n    about: a\n    answer: b\n"
            "    types: {essay: 'Q?'}\n",
            "unknown question type 'essay'",
        ),
        (
            "templates:\n  - id: x\n    topic: t\n    about: comander\n    answer: unit\n"
            "    types: {basic: 'Q?'}\n",
            "unknown 'about: comander'",
        ),
        (
            "templates:\n  - id: x\n    topic: t\n    about: commander\n    answer: unitt\n"
            "    types: {basic: 'Q?'}\n",
            "commander has no field 'unitt'",
        ),
        (
            "templates:\n  - id: x\n    topic: t\n    about: commander\n    answer: unit\n"
            "    types: {basic: 'Who led {nam}?'}\n",
            "'{nam}': commander has no such field",
        ),
    ],
)
def test_malformed_template_file_names_file_and_problem(text, message):
    with pytest.raises(DeirquizError) as err:
        parse_templates(text, "mine.yaml")
    assert "mine.yaml" in str(err.value) and message in str(err.value)


def _q(**kw) -> Question:
    base = dict(id="x", topic="t", type="basic", prompt="Who led the 5th Corps in 2017?",
                answer="Valery Asapov", source=Source("s", "w", "T", "https://x"))  # fmt: skip
    base.update(kw)
    return Question(**base)


@pytest.mark.parametrize(
    ("kw", "rule"),
    [
        (dict(prompt="Did Valery Asapov lead the 5th Corps?"), "the answer is in the prompt"),
        (dict(answer="Unknown"), "'Unknown' is no answer"),
        (dict(prompt="They captured what in 2017?"), "starts with a pronoun"),
        (dict(prompt="What happened the next day?"), "a relative date without its day"),
        (dict(prompt="What happened on 17 October?"), "a date without its year"),
        (dict(type="cloze", prompt="_____ and _____ in 2017."), "a cloze needs exactly one blank"),
        (
            dict(
                type="mcq",
                options=("Valery Asapov", "Lt. Gen. Valery Asapov", "A B", "C D"),
                correct=(0,),
            ),
            "an option is a variant of another",
        ),
        (dict(prompt="Who led {unit}?"), "unfilled placeholder"),
    ],
)
def test_validator_rejects(kw, rule):
    assert rule in problems(_q(**kw))


def test_validator_accepts_a_good_question():
    assert problems(_q()) == []


def test_generate_json_is_byte_identical_across_runs(tmp_path):
    runner = CliRunner()
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = runner.invoke(main, ["generate", str(SEED), "--format", "json", "--out", str(out)])
        assert result.exit_code == 0, result.output
        outs.append(next(out.glob("*.json")).read_bytes())
    assert outs[0] == outs[1]


def test_generate_json_has_the_documented_shape(tmp_path):
    result = CliRunner().invoke(
        main, ["generate", str(SEED), "--format", "json", "--out", str(tmp_path), "--count", "12"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    assert {"title", "source", "seed", "questions"} <= set(doc)
    assert len(doc["questions"]) == 12
    for q in doc["questions"]:
        assert {"id", "topic", "type", "prompt", "answer", "options", "source"} <= set(q)


def test_count_is_balanced_across_topics(templates):
    quiz = quiz_for(SEED, templates, Options(count=16))
    per = Counter(q.topic for q in quiz.questions)
    assert len(quiz.questions) == 16 and max(per.values()) - min(per.values()) <= 1


def test_a_chosen_few_show_each_sentence_once(templates):
    # on one sheet, "When did X happen?" beside "Which of these happened on <its day>?" would
    # answer itself: a selection takes another sentence while there is one
    for seed in (1, 2, 2017):
        quiz = quiz_for(
            SEED, templates, Options(count=20, topics=("timeline", "places"), seed=seed)
        )
        texts = Counter(q.source.text for q in quiz.questions if q.type != "order"
                        and q.template != "event-first")  # fmt: skip
        assert len(quiz.questions) == 20 and max(texts.values()) == 1, texts.most_common(2)


def test_a_chosen_few_give_no_answer_away(templates):
    # "_____ captured Ayyash" beside an option that names Ayyash answers itself
    for seed in (1, 2, 2017):
        quiz = quiz_for(SEED, templates, Options(count=16, seed=seed))
        for q in quiz.questions:
            if q.type in ("truefalse", "order"):
                continue
            for other in quiz.questions:
                if other is not q:
                    shown = " ".join((other.prompt, *other.options))
                    assert not re.search(rf"\b{re.escape(q.answer)}\b", shown), (q.prompt, shown)


def test_another_seed_changes_selection_not_ids(templates):
    a = quiz_for(SEED, templates, Options(count=10, seed=1))
    b = quiz_for(SEED, templates, Options(count=10, seed=2))
    assert [q.id for q in a.questions] != [q.id for q in b.questions]


def test_a_teachers_topic_heading_reaches_the_printed_quiz(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("topics:\n  commanders: Leaders\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["generate", str(SEED), "--topic", "commanders", "--format", "md", "--out", str(out),
         "--templates", str(mine), "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "\n## Leaders\n" in next(out.glob("*.md")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def abu_kamal_questions(templates):
    from deirquiz.extract import extract_file

    from .conftest import SHARED

    return generate(extract_file(SHARED / "2017-abu-kamal-offensive.md"), templates, seed=2017)


def test_a_wrong_date_is_never_a_day_when_something_alike_happened(abu_kamal_questions):
    # Tu-22M3 bombers struck on 1-2, 3, 15 and 18 November: "when did they return?" may offer
    # none of the other raids' days
    q = next(q for q in abu_kamal_questions
             if q.template == "event-date" and q.type == "mcq" and "returned" in q.prompt)  # fmt: skip
    assert q.answer == "15 November 2017"
    assert not {"18 November 2017", "3 November 2017"} & set(q.options)


def test_a_night_stays_a_night_and_loses_its_connective(abu_kamal_questions):
    texts = [q.prompt for q in abu_kamal_questions if "counterattacked" in q.prompt]
    assert texts and not any("however" in t for t in texts)


def test_cli_choices_agree_with_the_library():
    from deirquiz import cli, run, templating

    assert cli.TYPES == templating.TYPES and cli.FORMATS == run.FORMATS


def test_the_bundled_seed_is_the_repositorys_seed():
    from deirquiz.article import bundled_seed

    assert bundled_seed().read_bytes() == SEED.read_bytes()


def test_true_false_is_half_true_within_each_template(article_quizzes):
    for quiz in article_quizzes:
        per: dict[str, Counter] = {}
        for q in quiz.questions:
            if q.type == "truefalse":
                per.setdefault(q.template, Counter())[q.answer] += 1
        for template, answers in per.items():
            assert abs(answers["True"] - answers["False"]) <= 2, (quiz.title, template, answers)


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    made = []
    for hash_seed in ("1", "2"):
        out = tmp_path / hash_seed
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [sys.executable, "-m", "deirquiz", "generate", str(SEED), "--format", "json",
             "--format", "md", "--out", str(out), "-q"],
            check=True, env=env,
        )  # fmt: skip
        made.append({p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")})
    assert made[0] == made[1]


def test_three_underscores_in_an_article_never_pass_for_a_blank(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace(
        "captured Ayyash and its nearby hill", "captured Ayyash ___ and its nearby hill"
    )
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    from deirquiz.extract import extract_file

    for q in generate(extract_file(path), load_templates(), seed=2017):
        assert "___" not in q.prompt.replace("_____", ""), q.prompt


def test_count_limits_a_combined_quiz_and_its_deck_alike(tmp_path):
    from .conftest import ALL, ARTICLES

    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["generate", str(SEED), *map(str, ARTICLES), "--combine", "--title", "All", "--count",
         "20", "--format", "json", "--format", "apkg", "--out", str(out), "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "all.json").read_text(encoding="utf-8"))
    assert len(doc["questions"]) == 20
    assert len({q["id"].split(":")[0] for q in doc["questions"]}) == len(ALL)  # each has some


# --- "which of these fought under X?" and "which of these commanders held the rank of X?" -----


def _asked_under(q: Question) -> str:
    """The parent a unit-child question asks about, as the infobox names it."""
    parent = re.fullmatch(r".*, which of these fought as part of (.+)\?", q.prompt).group(1)
    return parent.removeprefix("the ")


def test_which_formation_fought_under_a_parent_is_asked_once_per_parent(seed_extraction,
                                                                         seed_questions):  # fmt: skip
    asked = [q for q in seed_questions if q.template == "unit-child"]
    # a parent with several formations under it is asked once, about the first one listed; a
    # formation under a top-level entry ("Syrian Armed Forces", "Russian Armed Forces") is not
    assert {_asked_under(q): q.answer for q in asked} == {
        "Syrian Arab Army": "Republican Guard",
        "Republican Guard": "104th Airborne Brigade",
        "17th Reserve Division": "137th Mechanized Brigade",
        "Military Intelligence Directorate": "Military Security Shield Forces",
        "Local Defence Forces": "Baqir Brigade",
    }
    assert all(q.type == "mcq" and len(q.options) == 4 for q in asked)
    options = {_asked_under(q): set(q.options) for q in asked}
    assert not {"Tiger Forces", "17th Reserve Division", "104th Airborne Brigade",
                "137th Mechanized Brigade"} & options["Syrian Arab Army"]  # fmt: skip
    assert "Lions of Hussein" not in options["Local Defence Forces"]
    # the same question whatever the seed, and unit-parent still asks its two about each formation
    again = [q for q in generate(seed_extraction, load_templates(), seed=1)
             if q.template == "unit-child"]  # fmt: skip
    assert {q.id for q in again} == {q.id for q in asked}
    about_104th = [q.type for q in seed_questions
                   if q.template == "unit-parent" and "104th Airborne Brigade" in q.prompt]  # fmt: skip
    assert sorted(about_104th) == ["mcq", "truefalse"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_wrong_option_fought_under_the_parent_asked_about(path, templates):
    from deirquiz.extract import extract_file
    from deirquiz.model import Unit

    x = extract_file(path)
    units = [f for f in x.facts if isinstance(f, Unit)]
    for q in generate(x, templates, seed=2017):
        if q.template != "unit-child":
            continue
        parent = _asked_under(q)
        under = {u.name for u in units if parent in u.ancestors}  # siblings and what they lead
        above = {a for u in units if u.name == parent for a in u.ancestors}
        assert q.answer in {u.name for u in units if u.parent == parent}, q.prompt
        wrong = set(q.options) - {q.answer}
        assert len(wrong) == 3 and not wrong & (under | above | {parent}), (q.prompt, q.options)
        # and each wrong option is a formation nested under another, like the answer
        nested = {u.name for u in units if len(u.ancestors) >= 2}
        assert wrong <= nested, (q.prompt, q.options)


def test_which_commander_held_a_rank_is_asked_of_a_rank_one_commander_holds(seed_questions):
    asked = [q for q in seed_questions if q.template == "rank-commander"]
    assert [(q.prompt, q.answer) for q in asked] == [
        ("In the Deir ez-Zor offensive of September–November 2017, which of these commanders "
         "held the rank of Lieutenant General?", "Valery Asapov"),
    ]  # fmt: skip
    # three Major Generals: a rank the infobox gives, and not the one asked about
    assert set(asked[0].options) == {
        "Valery Asapov", "Suheil al-Hassan", "Issam Zahreddine", "Abu Ali Salhab",
    }  # fmt: skip


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_a_commander_without_a_rank_is_never_a_wrong_rank_option(path, templates):
    # "Ghassan Iskander Tarraf (Republican Guard)" gives no rank: he may be the Lieutenant General
    from deirquiz.extract import extract_file
    from deirquiz.infobox import ranks
    from deirquiz.model import Commander

    x = extract_file(path)
    held: dict[str, set[str]] = {}
    for c in x.facts:
        if isinstance(c, Commander):
            held.setdefault(c.name, set()).add(ranks().get(c.rank, c.rank) if c.rank else "")
    for q in generate(x, templates, seed=2017):
        if q.template != "rank-commander":
            continue
        rank = re.fullmatch(r".*held the rank of (.+)\?", q.prompt).group(1)
        assert [name for name, r in held.items() if rank in r] == [q.answer]
        for wrong in set(q.options) - {q.answer}:
            assert "" not in held[wrong] and rank not in held[wrong], (wrong, held[wrong])


@pytest.mark.parametrize(
    ("pool_require", "message"),
    [
        ("[rnak]", "'pool_require': commander has no field 'rnak'"),
        ("{rank: yes}", "'pool_require' must be a name or a list of names"),
        (
            "[rank]\n    pool_extra: numbers",
            "'pool_require' does nothing with 'pool_extra: numbers'",
        ),
    ],
    ids=["unknown field", "not a list", "with made-up wrong options"],
)
def test_a_malformed_pool_require_is_one_error_line(pool_require, message, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "templates:\n  - id: mine\n    topic: commanders\n    about: commander\n"
        f"    answer: name\n    pool_require: {pool_require}\n"
        "    types:\n      mcq: 'Who held the rank of {rank}?'\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["generate", str(SEED), "--out", str(tmp_path / "out"), "--templates", str(mine),
               "-q"],
    )  # fmt: skip
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {mine}: template 'mine': ") and message in lines[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- from the teacher reviews of the longer question set ----------------------------------


def test_names_are_spelled_as_the_infobox_spells_them(seed_questions):
    # the article writes "the Tiger forces and Republican guard units"
    texts = " ".join(q.prompt + " " + " ".join(q.options) for q in seed_questions)
    assert "Tiger forces" not in texts and "Republican guard" not in texts
    assert "the Tiger Forces and Republican Guard units" in texts


def test_the_subject_is_not_named_twice_in_one_statement(article_quizzes):
    # not "the city of Deir ez-Zor, capturing Deir ez-Zor's largest district"
    for quiz in article_quizzes:
        for q in quiz.questions:
            for text in (q.prompt, *q.options):
                assert not re.search(r"the (?:city|town) of (\w[\w -]*?)\b.*\b\1\b", text), text


def test_no_blank_asks_for_one_of_the_two_sides(article_quizzes):
    # "_____ launched a surprise offensive on Saqr Island" -> ISIL tests nothing
    for quiz in article_quizzes:
        for q in quiz.questions:
            if q.template == "actor-in-text":
                assert q.answer.casefold().removeprefix("the ") not in {
                    "isil", "syrian army", "syrian arab republic"
                }, q.prompt  # fmt: skip


def test_an_ordering_never_shows_its_events_in_order(article_quizzes):
    for quiz in article_quizzes:
        for q in quiz.questions:
            if q.type == "order":
                assert list(q.correct) != [0, 1, 2, 3], q.options


def test_a_wrong_figure_is_as_round_as_the_answer(article_quizzes):
    # beside "269", wrong options "110" and "200" give it away
    for quiz in article_quizzes:
        for q in quiz.questions:
            exact = q.type == "mcq" and re.fullmatch(r"[\d,]+\+?", q.answer)
            if exact and not q.answer.rstrip("+").endswith("0"):
                assert all(not o.rstrip("+").endswith("0") for o in q.options), q.options


def test_the_results_island_is_spelled_as_the_narrative_spells_it(seed_questions):
    # the infobox's result writes "Hawijat Kati", the narrative "Hawijat Qati"
    texts = [q.prompt + " ".join(q.options) + q.source.text for q in seed_questions]
    assert not [t for t in texts if "Hawijat Kati" in t]
    assert any("Hawijat Qati" in t for t in texts)


def test_a_named_spokeswoman_and_a_codename_are_written_in(seed_questions):
    got = {q.template: q for q in seed_questions if q.template in ("person-in-text",
                                                                    "codename-in-text")}  # fmt: skip
    assert got["person-in-text"].answer == "Maria Zakharova"
    assert "spokeswoman _____ announced" in got["person-in-text"].prompt
    assert got["codename-in-text"].answer == "Assad's jump"
    assert got["codename-in-text"].prompt.endswith("codenamed _____.")
    assert got["codename-in-text"].topic == "overview"


def test_a_dated_title_reads_as_words(seed_questions):
    assert all("(September–November 2017)" not in q.prompt for q in seed_questions)
    assert any(q.prompt.startswith("During the Deir ez-Zor offensive of September–November 2017,")
               for q in seed_questions)  # fmt: skip


def test_what_happened_again_is_no_day_to_write_in_nor_to_order(abu_kamal_questions):
    # Tu-22M3 bombers struck on 1-3, 15 and 18 November: "bombers returned" (15 November) fits
    # more than one day
    returned = [q for q in abu_kamal_questions
                if "bombers returned" in q.prompt + " ".join(q.options)]  # fmt: skip
    assert returned and all(q.type == "mcq" and q.template != "event-first" for q in returned)
    assert all(q.template in ("event-date", "event-which") for q in returned)


def test_the_other_side_itself_is_not_asked(article_quizzes):
    # "which of these fought against the Syrian Arab Republic?" -> ISIL tests nothing
    for quiz in article_quizzes:
        assert not [q for q in quiz.questions if q.answer in ("ISIL", "Syrian Arab Republic")
                    and q.topic == "combatants" and q.type == "mcq"]  # fmt: skip


def test_the_articles_own_the_is_kept_and_had_reads_as_by(seed_questions):
    texts = [" ".join((q.prompt, *q.options)) for q in seed_questions]
    # the article writes "the Euphrates" and once "the other side of Euphrates"
    assert not [t for t in texts if re.search(r"of Euphrates\b", t)]
    assert [t for t in texts if "on the other side of the Euphrates" in t]
    # "On 31 October, forces had recaptured ...": done by that day
    had = [t for t in texts if "had recaptured the districts of" in t]
    assert had and all("By 31 October 2017" in t for t in had)
    assert not [t for t in texts if "On 31 October 2017, Syrian Government forces had" in t]


def test_a_place_the_title_gives_is_not_asked(seed_questions, article_quizzes):
    # "Where did the Deir ez-Zor offensive take place?" -> "Deir ez-Zor, ..." answers itself
    assert not [q for q in seed_questions if q.template == "overview-place"]
    mayadin = next(z for z in article_quizzes if "Mayadin" in z.title)
    assert not [q for q in mayadin.questions if q.template == "overview-place"]
    abu_kamal = next(z for z in article_quizzes if "Abu Kamal" in z.title)
    assert [q for q in abu_kamal.questions if q.template == "overview-place"]
