"""Made-up articles thousands of times longer than real ones in one part (issue 17's table):
each is read only up to the documented caps, and the worst an accepted article can be goes
through every format. (How long they take is the benchmark's: benchmarks/bench.py.)"""

from __future__ import annotations

import functools

import pytest
from click.testing import CliRunner

from deirquiz import limits
from deirquiz.article import parse
from deirquiz.cli import main
from deirquiz.extraction import extract

from . import pathological as P


@functools.cache
def extracted(name: str):
    return extract(parse(P.check_size(P.CASES[name]()), f"{name}.md"))


def kinds(extraction) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in extraction.facts:
        out.setdefault(f.kind, []).append(f)
    return out


@pytest.fixture(params=list(P.CASES), ids=list(P.CASES))
def case(request):
    return request.param, extracted(request.param)


def test_every_part_is_read_up_to_its_cap(case):
    _, x = case
    facts = kinds(x)
    assert len(x.events) <= limits.EVENTS
    assert len(facts.get("commander", [])) <= limits.COMMANDERS
    assert len(facts.get("combatant", [])) <= limits.COMBATANTS
    assert len(facts.get("unit", [])) <= limits.UNITS
    assert all(u.level <= limits.UNIT_DEPTH for u in facts.get("unit", []))
    points = [f for f in facts["overview"] if f.name == "result_point"]
    assert len(points) <= limits.RESULT_POINTS
    assert all(len(e.text) <= limits.SENTENCE_CHARS for e in x.events)
    assert sum(len(e.text) for e in x.events) <= limits.EVENT_CHARS


@pytest.mark.parametrize(
    "name, kind, cap",
    [
        ("dated 20k", "events", limits.EVENTS),
        ("two dates 25k", "events", limits.EVENTS),
        ("commanders 20k", "commander", limits.COMMANDERS),
        ("combatants 12k", "combatant", limits.COMBATANTS),
        ("units 50k", "unit", limits.UNITS),
        ("result points 20k", "result_point", limits.RESULT_POINTS),
    ],
)
def test_a_part_longer_than_its_cap_is_read_to_the_cap(name, kind, cap):
    """The first ones are kept, in the article's order: the cap is what bounds them."""
    x = extracted(name)
    if kind == "events":
        got = x.events
    elif kind == "result_point":
        got = [f for f in x.facts if f.kind == "overview" and f.name == "result_point"]
    else:
        got = [f for f in x.facts if f.kind == kind]
    assert len(got) == cap


def test_names_are_blanked_only_in_the_first_sentences():
    """25,000 sentences past the 300 dated ones: the names to blank are looked for in the first
    STATEMENTS sentences only, in reading order."""
    from deirquiz.reading import _statements, timeline
    from deirquiz.reading.context import context
    from deirquiz.sentences import split_sentences

    x = extracted("two dates 25k")
    every = [s for _, p in x.article.paragraphs for s in split_sentences(p)]
    assert len(every) > 10 * limits.STATEMENTS
    ctx = context(x)
    read = [s[1] for s in _statements(x, ctx, timeline.events(x, ctx))]
    assert read and set(read) <= set(every[: limits.STATEMENTS])


def test_the_statements_around_a_sentence_too_long_are_still_read():
    x = extracted("one sentence 100k")
    assert x.events and all("on 17 September, on 17" not in e.text for e in x.events)


def test_the_worst_accepted_article_goes_through_every_format(tmp_path):
    src = tmp_path / "everything.md"
    src.write_text(P.check_size(P.everything_at_its_cap()), encoding="utf-8")
    out = tmp_path / "out"
    formats = [f"--format={f}" for f in ("apkg", "md", "json", "html", "pdf")]
    result = CliRunner().invoke(main, ["generate", "-q", "--out", str(out), str(src), *formats])
    assert result.exit_code == 0, result.output
    assert len([p for p in out.iterdir() if not p.name.startswith(".")]) == 5
