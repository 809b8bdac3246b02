"""The converter's quirks in real infoboxes: commanders one by one with rank, unit and side,
ranks the data files do not list, {{KIA}} marks it drops, figures it merges or brackets, the
hemisphere it gets wrong. The small articles here are the converter's own output for a few lines
of wikitext (tools/wiki2article), kept as it writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from deirquiz.article import parse
from deirquiz.extraction import extract, extract_file

from .conftest import SHARED

CORPUS = Path(__file__).resolve().parent / "corpus" / "articles"


def _x(slug: str):
    for folder in (SHARED, CORPUS):
        if (folder / f"{slug}.md").exists():
            return extract_file(folder / f"{slug}.md")
    pytest.skip(f"{slug} is not there")


def _commanders(x) -> list[tuple]:
    return [(c.side, c.rank, c.name, c.unit or c.role, c.killed) for c in x.of_kind("commander")]


# the converter's output for "{{flagicon|Confederate States of America}} [[Robert E. Lee]]
# {{KIA}}<br>[[Lieutenant general|Lt. Gen.]] [[James Longstreet]]<br>[[Generalfeldmarschall]]
# [[Friedrich Paulus]]", a <br> without a line break: one line, the flag and {{KIA}} gone
MERGED = """---
title: Test
infoboxes:
  - conflict:
      text: Test
    coordinates:
      text: -33.86667°N, 151.2°W
    date:
      text: July 1, 1863 – July 3, 1863
    strength1:
      text: "73000"
      number: 73000
    commander1:
      text: Robert E. Lee Lt. Gen. James Longstreet Generalfeldmarschall Friedrich
        Paulus
      links:
        - type: internal
          page: Robert E. Lee
        - text: Lt. Gen.
          type: internal
          page: Lieutenant general
        - type: internal
          page: James Longstreet
        - type: internal
          page: Generalfeldmarschall
        - type: internal
          page: Friedrich Paulus
    commander2:
      text: 🇫🇷 Marshal Michel Ney  Général de division Jean Dupont
    casualties1:
      text: |-
        1,000 killed


        2,000 wounded
    combatant1:
      text: |-
        Confederacy
         Kingdom of Romania
         undefined
---

Text here.
"""


@pytest.fixture(scope="module")
def merged():
    return extract(parse(MERGED, "test.md"))


def test_a_line_the_converter_merged_gives_each_commander_with_his_rank(merged):
    got = [(c.side, c.rank, c.name) for c in merged.of_kind("commander")]
    assert got == [
        (1, None, "Robert E. Lee"),
        (1, "Lt. Gen.", "James Longstreet"),
        (1, "Generalfeldmarschall", "Friedrich Paulus"),
        (2, "Marshal", "Michel Ney"),
        (2, "Général de division", "Jean Dupont"),
    ]


def test_the_flag_before_a_double_space_goes_with_its_commander_only(merged):
    assert [c.country for c in merged.of_kind("commander") if c.side == 2] == ["France", None]


def test_a_plainlist_with_blank_lines_between_items_gives_each_figure(merged):
    assert [(c.count, c.what) for c in merged.of_kind("casualty")] == [
        ("1,000", "killed"),
        ("2,000", "wounded"),
    ]


def test_a_number_key_beside_the_text_changes_nothing(merged):
    assert [s.count for s in merged.of_kind("strength")] == ["73000"]


def test_month_first_template_dates_give_the_days(merged):
    date = next(o for o in merged.of_kind("overview") if o.name == "date")
    assert (date.start.isoformat(), date.end.isoformat()) == ("1863-07-01", "1863-07-03")


def test_coordinates_take_their_hemisphere_from_the_sign(merged):
    c = next(o for o in merged.of_kind("overview") if o.name == "coordinates")
    assert (c.latitude, c.longitude, c.value) == (-33.86667, 151.2, "33.8667°S, 151.2°E")


def test_a_flag_the_converter_does_not_know_is_no_combatant(merged):
    assert [c.name for c in merged.of_kind("combatant")] == ["Confederacy", "Kingdom of Romania"]


def test_commanders_of_dien_bien_phu_one_by_one():
    got = _commanders(_x("battle-of-dien-bien-phu"))
    assert got[:8] == [
        (1, "Gen.", "Henri Navarre", None, False),
        (1, "Maj. Gen.", "René Cogny", None, False),
        (1, "Col.", "Christian de Castries", "GONO", False),
        (1, "Lt. Col.", "Pierre Langlais", None, False),
        (1, "Lt. Col.", "Jules Gaucher", "13th DBLE", True),  # {{KIA}}: "mortally wounded"
        (1, "Col.", "Charles Piroth", "artillery", True),  # † (artillery) Lt. Col. ...
        (1, "Lt. Col.", "André Lalande", "Isabelle", False),
        (1, None, "Marcel Bigeard", "6th BPC", False),
    ]


def test_commanders_the_converter_ran_together_come_apart():
    hastings = _commanders(_x("battle-of-hastings"))
    assert [c[2] for c in hastings if c[0] == 2] == [
        "King Harold II", "Gyrth Godwinson", "Leofwine Godwinson",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("slug", "fallen"),
    [
        ("battle-of-hastings", ["King Harold II", "Gyrth Godwinson", "Leofwine Godwinson"]),
        ("battle-of-cannae",
         ["Lucius Aemilius Paullus", "Gnaeus Servilius Geminus", "Marcus Minucius Rufus"]),
        ("battle-of-gettysburg", ["John F. Reynolds"]),
        ("battle-of-waterloo", ["Sir Thomas Picton"]),
        ("battle-of-stalingrad", []),
    ],
)  # fmt: skip
def test_a_kia_mark_the_converter_dropped_comes_back_from_the_body(slug, fallen):
    assert [c.name for c in _x(slug).of_kind("commander") if c.killed] == fallen


def test_a_rank_the_data_files_do_not_list_is_still_a_rank():
    from deirquiz.commanders import split_rank

    assert [split_rank(n) for n in (
        "Sous-Lieutenant Legros", "Generaloberst Hermann Hoth", "Général d'armée Jean Leclerc",
        "General der Panzertruppe Friedrich Paulus", "Kapitän zur See Hans Langsdorff",
        "Abu Bakr al-Baghdadi", "King Harold II", "Major Georg Baring",
    )] == [
        ("Sous-Lieutenant", "Legros"), ("Generaloberst", "Hermann Hoth"),
        ("Général d'armée", "Jean Leclerc"), ("General der Panzertruppe", "Friedrich Paulus"),
        ("Kapitän zur See", "Hans Langsdorff"), (None, "Abu Bakr al-Baghdadi"),
        (None, "King Harold II"), ("Major", "Georg Baring"),
    ]  # fmt: skip


def test_a_total_merged_into_the_first_item_of_a_strength_list_is_two_figures():
    got = [(s.side, s.count, s.who) for s in _x("battle-of-waterloo").of_kind("strength")]
    assert got[2:4] == [(2, "68,000", None), (2, "25,000", "British")]


def test_a_bracketed_breakdown_over_several_lines_is_one_figure_a_line():
    got = [(c.count, c.what) for c in _x("battle-of-gettysburg").of_kind("casualty") if c.side == 1]
    assert got == [("23,049", "total"), ("3,155", "killed"), ("14,529", "wounded"),
                   ("5,365", "captured/missing")]  # fmt: skip


def test_a_bold_label_says_when_or_by_whom_for_the_lines_under_it():
    dbp = _x("battle-of-dien-bien-phu")
    assert {s.label for s in dbp.of_kind("strength")} == {"13 March", "7 May"}
    claims = [(c.count, c.claimed_by) for c in dbp.of_kind("casualty") if c.side == 2]
    assert claims[0] == ("8,000", "Western historians estimate")
    assert claims[2] == ("13,930", "Vietnamese figures")


def test_another_count_of_the_same_figure_keeps_what_it_counts():
    got = [(c.count, c.what, c.claimed_by) for c in _x("battle-of-cannae").of_kind("casualty")]
    assert got[:2] == [("5,700", "killed", None), ("8,000", "killed", "Livy")]


def test_a_combatant_whose_flag_was_dropped_still_has_the_country_it_names():
    got = [
        (c.name, c.country) for c in _x("battle-of-waterloo").of_kind("combatant") if c.side == 2
    ]
    assert got[:3] == [("Seventh Coalition", None), ("United Kingdom", "United Kingdom"),
                       ("Netherlands", "Netherlands")]  # fmt: skip
