"""Extraction from the real articles, checked against answers read off each article by hand.

Every expected value below was read from the article files themselves (the seed and the shared
articles), not from the code's output. Where the code is wrong the test states the right value
and was marked ``xfail(strict=True)`` until fixed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from deirquiz.article import parse
from deirquiz.cli import main
from deirquiz.extraction import extract, extract_file

from .conftest import ALL, SEED, SHARED

ABU = SHARED / "2017-abu-kamal-offensive.md"
MAY = SHARED / "2017-mayadin-offensive.md"
PATHS = {"seed": SEED, "abu-kamal": ABU, "mayadin": MAY}
NAMES = list(PATHS)
MOJIBAKE = ("â€", "ðŸ", "\ufffd")


@cache
def _extract(path: Path):
    return extract_file(path)


def x_of(name: str):
    path = PATHS[name]
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return _extract(path)


def facts(name: str, kind: str) -> list:
    return x_of(name).of_kind(kind)


def strings(obj) -> list[str]:
    """Every string inside a (nested) dict / list / tuple / dataclass."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        obj = dataclasses.asdict(obj)
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in (*strings(k), *strings(v))]
    if isinstance(obj, list | tuple):
        return [s for v in obj for s in strings(v)]
    return []


def article(body: str, date: str | None = "14 September – 17 November 2017") -> str:
    box = f"infoboxes:\n  - date:\n      text: {date}\n" if date else ""
    return f"---\ntitle: Test offensive\n{box}---\n\n## Battle\n{body}\n"


def event_days(text: str) -> list[str]:
    return [_day(e) for e in extract(parse(text, "test.md")).events]


def _day(e) -> str:
    s = e.date.isoformat()
    if e.end_date:
        s += "/" + e.end_date.isoformat()
    return f"by {s}" if e.by else s


# =============================================================================================
# 1. Loading
# =============================================================================================


def test_title_mojibake_is_repaired(seed_extraction):
    assert seed_extraction.article.title == "Deir ez-Zor offensive (September–November 2017)"


@pytest.mark.parametrize(
    ("name", "where", "text"),
    [
        ("seed", "infobox date", "14 September – 17 November 2017"),
        ("seed", "section heading", "Aftermath – advance on Abu Kamal"),
        ("seed", "curly apostrophe", "al-Sena’aa District"),
        ("seed", "link page", "Battle of Deir ez-Zor (2014–2017)"),
        ("seed", "see also", "Battle of Mosul (2016–2017)"),
        ("seed", "flag emoji", "🇷🇺 Russia 🇮🇷 Iran"),
        ("abu-kamal", "en dash in body", "Syrian–Iraqi border"),
        ("abu-kamal", "dagger", "Hani Al-Thalji †"),
        ("abu-kamal", "strength range", "5,000–10,000+"),
        ("mayadin", "en dash in body", "Deir ez-Zor–Mayadin road"),
        ("mayadin", "infobox date", "4–17 October 2017"),
    ],
)
def test_mojibake_is_repaired_everywhere(name, where, text):
    assert any(text in s for s in strings(x_of(name).article))


@pytest.mark.parametrize("name", NAMES)
def test_no_mojibake_left_in_the_article(name):
    assert [s for s in strings(x_of(name).article) if any(m in s for m in MOJIBAKE)] == []


@pytest.mark.parametrize("name", NAMES)
def test_no_mojibake_left_in_facts(name):
    texts = strings([f.to_dict() for f in x_of(name).facts])
    assert [s for s in texts if any(m in s for m in MOJIBAKE)] == []


@pytest.mark.parametrize("name", NAMES)
def test_no_mojibake_left_in_events(name):
    texts = strings([e.to_dict() for e in x_of(name).events])
    assert [s for s in texts if any(m in s for m in MOJIBAKE)] == []


@pytest.mark.parametrize("name", NAMES)
def test_flags_become_country_names_of_combatants(name):
    countries = {c.name: c.country for c in facts(name, "combatant") if c.country}
    expected = {"seed": {"Russia": "Russia", "Iran": "Iran"},
                "abu-kamal": {"Russia": "Russia", "Iran": "Iran"},
                "mayadin": {"Russia": "Russia"}}[name]  # fmt: skip
    assert countries == expected


@pytest.mark.parametrize("name", NAMES)
def test_no_flag_emoji_left_in_fact_names(name):
    names = [f.name for f in x_of(name).facts if f.kind in ("combatant", "commander", "unit")]
    assert [n for n in names if any(0x1F1E6 <= ord(c) <= 0x1F1FF for c in n)] == []


@pytest.mark.parametrize("name", NAMES)
def test_page_undefined_never_becomes_a_link(name):
    links = [link for f in x_of(name).article.infobox.values() for link in f.links]
    assert [lk for lk in links if "undefined" in (lk.page.lower(), lk.text.lower())] == []


@pytest.mark.parametrize("name", NAMES)
def test_page_undefined_never_becomes_a_name(name):
    assert [f for f in x_of(name).facts if "undefined" in strings(f.to_dict())] == []


def test_undefined_link_page_falls_back_to_its_text(seed_extraction):
    links = seed_extraction.article.infobox["combatant2"].links
    assert [(lk.text, lk.page) for lk in links] == [
        ("Islamic State of Iraq and the Levant", "Islamic State of Iraq and the Levant")
    ]


@pytest.mark.parametrize(
    "name",
    [
        "seed",
        "abu-kamal",
        "mayadin",
    ],
)
def test_image_lines_are_dropped(name):
    paras = [p for _, p in x_of(name).article.paragraphs]
    assert [p for p in paras if "![" in p or "Special:Redirect" in p] == []


def test_paragraph_after_image_lines_starts_with_its_text(seed_extraction):
    capture = next(s for s in seed_extraction.article.sections if s.heading == "Capturing the city")
    assert capture.paragraphs[0].startswith("On 17 October, the Army captured three districts")


def test_paragraph_after_image_with_parenthesised_url_starts_with_its_text():
    sec = next(s for s in x_of("abu-kamal").article.sections if s.heading.startswith("Clearing"))
    assert sec.paragraphs[0].startswith("Following the capture of the town, the Tiger Forces")


def test_image_line_with_parentheses_in_url_is_dropped():
    text = article("![A map (2011)](https://example.org/Map_(2011).svg?)\nOn 18 September, X.")
    assert [p for _, p in parse(text, "t.md").paragraphs] == ["On 18 September, X."]


def test_see_also_is_a_list_of_titles(seed_extraction):
    assert list(seed_extraction.article.see_also) == [
        "Battle of Mosul (2016–2017)",
        "Syrian Desert campaign (May–July 2017)",
        "2017 Mayadin offensive",
        "2017 Euphrates Crossing offensive",
        "Southern Raqqa offensive (June 2017)",
        "2017 Abu Kamal offensive",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_see_also_and_references_are_not_sections(name):
    headings = {s.heading.lower() for s in x_of(name).article.sections}
    assert headings & {"see also", "references"} == set()


@pytest.mark.parametrize(
    ("name", "headings"),
    [
        ("seed", ["Background", "Battle", "Surrounding the city", "Capturing the city",
                  "Aftermath – advance on Abu Kamal"]),
        ("abu-kamal", ["Background", "The offensive", "Advance across the desert",
                       "First capture and ISIL counterattack", "Recapture",
                       "Clearing the Euphrates valley", "Aftermath"]),
        ("mayadin", ["Background", "The offensive", "Approach to the city", "Siege and capture",
                     "Securing the western bank", "Aftermath"]),
    ],
)  # fmt: skip
def test_sections_in_order(name, headings):
    assert [s.heading for s in x_of(name).article.sections] == headings


def test_lead_is_the_text_before_the_first_heading(seed_extraction):
    assert [p[:40] for p in seed_extraction.article.lead] == [
        "The Deir ez-Zor offensive was a military",
        "In the summer of 2017, the Syrian Army l",
    ]


SCALARS = ["NO", "no", "yes", "off", "1:20", "012", "2017-09-14", "1e3", "0x1F", "null", "~"]


def _scalar_article(tmp_path: Path, value: str, as_mapping: bool) -> Path:
    field = f"    place:\n      text: {value}\n" if as_mapping else f"    place: {value}\n"
    p = tmp_path / "scalar.md"
    p.write_text(f"---\ntitle: Test\ninfoboxes:\n  -\n{field}---\n\nBody.\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("as_mapping", [False, True], ids=["plain", "text-mapping"])
@pytest.mark.parametrize("value", SCALARS)
def test_yaml_scalars_stay_the_text_as_written(tmp_path, value, as_mapping):
    x = extract_file(_scalar_article(tmp_path, value, as_mapping))
    assert x.article.infobox["place"].text == value


@pytest.mark.parametrize("value", ["NO", "1:20", "012"])
def test_yaml_scalars_reach_the_facts_as_written(tmp_path, value):
    x = extract_file(_scalar_article(tmp_path, value, as_mapping=True))
    assert [(o.name, o.value) for o in x.of_kind("overview")] == [("place", value)]


def test_iso_date_in_infobox_stays_text(tmp_path):
    p = tmp_path / "iso.md"
    p.write_text("---\ntitle: T\ninfoboxes:\n  - date: 2017-09-14\n---\n\nB.\n", encoding="utf-8")
    assert extract_file(p).article.infobox["date"].text == "2017-09-14"


def test_yaml_scalar_title_stays_text(tmp_path):
    p = tmp_path / "t.md"
    p.write_text("---\ntitle: 1:20\n---\n\nBody.\n", encoding="utf-8")
    assert extract_file(p).article.title == "1:20"


# =============================================================================================
# 2. Facts from the infobox
# =============================================================================================

# --- overview ----------------------------------------------------------------------------------

OVERVIEW = {
    "seed": {
        "date": ["14 September – 17 November 2017"],
        "place": ["Deir ez-Zor, Deir ez-Zor Governorate, Syria"],
        "partof": [
            "the Battle of Deir ez-Zor and the Eastern Syria campaign of the Syrian civil war"
        ],
        "result": ["Decisive Syrian Arab Army victory"],
        "result_point": [
            "On 17 October, the Syrian Army secured a perimeter surrounding the ISIL-controlled "
            "half of the city",
            "On 3 November, the Syrian Army took complete control of the city, and on 17 November, "
            "ISIL surrendered the island of Hawijat Kati, bringing all areas around the city under "
            "Army control",
        ],
    },
    "abu-kamal": {
        "date": ["23 October – 6 December 2017"],
        "place": ["Deir ez-Zor Governorate, Syria"],
        "partof": [
            "the Eastern Syria campaign and the Russian military intervention in the Syrian civil war"
        ],
        "territory": [
            "Abu Kamal changes hands three times before being captured by the Syrian Army on "
            "19 November"
        ],
        "result": ["Decisive Syrian Army and allies victory"],
        "codename": ["Operation Fajr-3"],
    },
    "mayadin": {
        "date": ["4–17 October 2017"],
        "place": ["Mayadin District, Deir ez-Zor Governorate, Syria"],
        "partof": [
            "the Eastern Syria campaign and the Russian military intervention in the Syrian civil war"
        ],
        "territory": [
            "Syrian Army captures the city of Mayadin, ISIL's new de facto capital city, on 14 October"
        ],
        "result": ["Decisive Syrian Army victory"],
    },
}


@pytest.mark.parametrize("name", NAMES)
def test_overview_fields(name):
    got: dict[str, list[str]] = {}
    for o in facts(name, "overview"):
        got.setdefault(o.name, []).append(o.value)
    assert got == OVERVIEW[name]


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("seed", dt.date(2017, 9, 14), dt.date(2017, 11, 17)),
        ("abu-kamal", dt.date(2017, 10, 23), dt.date(2017, 12, 6)),
        ("mayadin", dt.date(2017, 10, 4), dt.date(2017, 10, 17)),
    ],
)
def test_overview_date_range(name, start, end):
    date = next(o for o in facts(name, "overview") if o.name == "date")
    assert (date.start, date.end) == (start, end)


def test_codename_of_abu_kamal_is_operation_fajr_3():
    codename = next(o for o in facts("abu-kamal", "overview") if o.name == "codename")
    assert codename.source.startswith("The 2017 Abu Kamal offensive, codenamed Operation Fajr-3")


def test_assads_jump_is_not_the_codename_of_the_seed(seed_extraction):
    """'Assad's jump' names the crossing of 15 September, not the whole offensive."""
    assert [o.value for o in seed_extraction.of_kind("overview") if o.name == "codename"] == []


def test_assads_jump_stays_a_bold_term_of_the_seed(seed_extraction):
    assert seed_extraction.article.terms == ("Deir ez-Zor offensive", "Assad's jump")


# --- combatants -------------------------------------------------------------------------------

COMBATANTS = {
    "seed": [
        (1, "Syrian Arab Republic"),
        (1, "Syrian Armed Forces"),
        (1, "Russia"),
        (1, "Iran"),
        (1, "Liwa Fatemiyoun"),
        (1, "Fatah al-Intifada"),
        (1, "Galilee Forces"),
        (1, "Free Palestine Movement"),
        (2, "Islamic State of Iraq and the Levant"),
    ],
    "abu-kamal": [
        (1, "Syrian Arab Republic"),
        (1, "Russia"),
        (1, "Iran"),
        (1, "Hezbollah"),
        (1, "PMF militias"),
        (1, "Liwa Fatemiyoun"),
        (1, "Liwa al-Quds"),
        (2, "Islamic State of Iraq and the Levant"),
    ],
    "mayadin": [
        (1, "Syrian Arab Republic"),
        (1, "Russia"),
        (2, "Islamic State of Iraq and the Levant"),
    ],
}

ALLIED_MILITIAS = {
    "seed": ["Liwa Fatemiyoun", "Fatah al-Intifada", "Galilee Forces", "Free Palestine Movement"],
    "abu-kamal": ["Hezbollah", "PMF militias", "Liwa Fatemiyoun", "Liwa al-Quds"],
    "mayadin": [],
}


@pytest.mark.parametrize("name", NAMES)
def test_combatants_per_side(name):
    assert [(c.side, c.name) for c in facts(name, "combatant")] == COMBATANTS[name]


@pytest.mark.parametrize("name", NAMES)
def test_allied_militias_group(name):
    got = [c.name for c in facts(name, "combatant") if c.group == "Allied militias"]
    assert got == ALLIED_MILITIAS[name]


@pytest.mark.parametrize("name", NAMES)
def test_one_headline_belligerent_per_side(name):
    leaders = [(c.side, c.name) for c in facts(name, "combatant") if c.leader]
    assert leaders == [(1, "Syrian Arab Republic"), (2, "Islamic State of Iraq and the Levant")]


def test_sub_item_combatant_is_not_a_headline_or_militia(seed_extraction):
    saf = next(c for c in seed_extraction.of_kind("combatant") if c.name == "Syrian Armed Forces")
    assert (saf.leader, saf.group == "Allied militias") == (False, False)


# --- commanders --------------------------------------------------------------------------------

# (article, name, side, rank, unit, role, country, killed, qualifier) as the infobox writes them
COMMANDERS = [
    ("seed", "Suheil al-Hassan", 1, "Maj. Gen.", None, None, None, False, None),
    ("seed", "Issam Zahreddine", 1, "Maj. Gen.", "Republican Guard", None, None, True, None),
    ("seed", "Valery Asapov", 1, "Lt. Gen.", "Syrian 5th Corps", None, "Russia", False, None),
    ("seed", "Ghassan Iskander Tarraf", 1, None, "Republican Guard", None, None, False, None),
    ("seed", "Tha'er Ismail", 1, None, "Tiger Forces", None, None, False, None),
    ("seed", "Abu Ali Salhab", 1, "Maj. Gen.", "Military Security Shield Forces", None, None,
     False, None),
    ("seed", "Tariq al-Hassan", 1, None, "Baqir Brigade", None, None, False, None),
    ("seed", "Shaaban Ali Amiri", 1, None, None, "IRGC senior commander", "Iran", False, None),
    ("abu-kamal", "Suheil al-Hassan", 1, "Maj. Gen.", "Tiger Forces", None, None, False, None),
    ("abu-kamal", "Qasem Soleimani", 1, "Maj. Gen.", "Quds Force", None, "Iran", False, None),
    ("abu-kamal", "Abu Bakr al-Baghdadi", 2, None, None, None, None, False, "possibly"),
    ("abu-kamal", "Abu Ruqayya al-Ansari", 2, None, None, None, None, False, None),
    ("abu-kamal", "Hani Al-Thalji", 2, None, None, "field commander", None, True, None),
    ("abu-kamal", "Abu Munzer Al-Shishani", 2, None, None, "field commander", None, True, None),
    ("abu-kamal", "Abu Mohammad Al-Safi", 2, None, None, "field commander", None, True, None),
    ("mayadin", "Suheil al-Hassan", 1, "Maj. Gen.", None, "Operations chief commander", None,
     False, None),
    ("mayadin", "Sergey Surovikin", 1, "Col. Gen.", "Russian forces in Syria", None, "Russia",
     False, None),
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_commander_list_in_infobox_order(name):
    expected = [(c[2], c[1]) for c in COMMANDERS if c[0] == name]
    assert [(c.side, c.name) for c in facts(name, "commander")] == expected


@pytest.mark.parametrize(
    ("name", "person", "side", "rank", "unit", "role", "country", "killed", "qualifier"),
    COMMANDERS,
    ids=[f"{c[0]}-{c[1]}" for c in COMMANDERS],
)
def test_commander_details(name, person, side, rank, unit, role, country, killed, qualifier):
    c = next(c for c in facts(name, "commander") if c.name == person)
    got = (c.side, c.rank, c.unit, c.role, c.country, c.killed, c.qualifier)
    assert got == (side, rank, unit, role, country, killed, qualifier)


@pytest.mark.parametrize("name", NAMES)
def test_unknown_is_not_a_commander(name):
    assert [c.name for c in facts(name, "commander") if c.name.lower() == "unknown"] == []


@pytest.mark.parametrize("name", ["seed", "mayadin"])
def test_side_with_unknown_commander_has_none(name):
    assert [c.name for c in facts(name, "commander") if c.side == 2] == []


# --- units -------------------------------------------------------------------------------------

# (side, name, parent) in infobox order, read off the list markers by hand
UNITS = {
    "seed": [
        (1, "Syrian Armed Forces", None),
        (1, "Syrian Arab Army", "Syrian Armed Forces"),
        (1, "Republican Guard", "Syrian Arab Army"),
        (1, "104th Airborne Brigade", "Republican Guard"),
        (1, "17th Reserve Division", "Syrian Arab Army"),
        (1, "137th Mechanized Brigade", "17th Reserve Division"),
        (1, "Tiger Forces", "Syrian Arab Army"),
        (1, "Syrian Arab Air Force", "Syrian Armed Forces"),
        (1, "National Defense Forces", "Syrian Armed Forces"),
        (1, "Military Intelligence Directorate", "Syrian Armed Forces"),
        (1, "Military Security Shield Forces", "Military Intelligence Directorate"),
        (1, "Local Defence Forces", "Syrian Armed Forces"),
        (1, "Baqir Brigade", "Local Defence Forces"),
        (1, "Lions of Hussein", "Local Defence Forces"),
        (1, "Russian Armed Forces", None),
        (1, "Russian Air Force", "Russian Armed Forces"),
        (1, "Russian Navy", "Russian Armed Forces"),
        (1, "Special Operations Forces", "Russian Armed Forces"),
        (1, "Wagner Group", "Russian Armed Forces"),
        (1, "IRGC", None),
        (2, "Military of ISIL", None),
        (2, "Wilayat Deir ez-Zor", "Military of ISIL"),
    ],
    "abu-kamal": [
        (1, "Syrian Army", None),
        (1, "Republican Guard", "Syrian Army"),  # '**' directly under a root
        (1, "124th Brigade", "Republican Guard"),
        (1, "125th Brigade", "Republican Guard"),
        (1, "Tiger Forces", "Syrian Army"),
        (1, "4th Armoured Division", "Syrian Army"),
        (1, "42nd Brigade", "4th Armoured Division"),
        (1, "Syrian Arab Air Force", "Syrian Army"),  # '*' after '***'
        (1, "PMF militias", None),
        (1, "Kata'ib al-Imam Ali", "PMF militias"),
        (1, "Kata'ib Hezbollah", "PMF militias"),
        (1, "Harakat Hezbollah al-Nujaba", "PMF militias"),
        (1, "12th Mechanized Brigade", "Harakat Hezbollah al-Nujaba"),
        (1, "Asa'ib Ahl al-Haq", "PMF militias"),
        (1, "Kafeel Zaynab Brigade", "Asa'ib Ahl al-Haq"),
        (1, "Russian Armed Forces", None),
        (1, "Russian Air Force", "Russian Armed Forces"),
        (1, "Russian special operations forces", "Russian Armed Forces"),
        (2, "Military of ISIL", None),
    ],
    "mayadin": [
        (1, "Syrian Armed Forces", None),
        (1, "Syrian Arab Army", "Syrian Armed Forces"),
        (1, "Republican Guard", "Syrian Arab Army"),
        (1, "4th Armoured Division", "Syrian Arab Army"),
        (1, "5th Corps", "Syrian Arab Army"),
        (1, "Tiger Forces", "Syrian Arab Army"),
        (1, "Russian Armed Forces", None),
        (1, "Russian Aerospace Forces", "Russian Armed Forces"),
        (1, "Special Operations Forces advisors", "Russian Armed Forces"),
        (2, "Military of ISIL", None),
        (2, "Wilayat Deir ez-Zor", "Military of ISIL"),
    ],
}


@pytest.mark.parametrize("name", NAMES)
def test_units_tree_with_parents(name):
    assert [(u.side, u.name, u.parent) for u in facts(name, "unit")] == UNITS[name]


@pytest.mark.parametrize(
    ("name", "unit", "ancestors"),
    [
        ("seed", "104th Airborne Brigade",
         ("Republican Guard", "Syrian Arab Army", "Syrian Armed Forces")),
        ("seed", "137th Mechanized Brigade",
         ("17th Reserve Division", "Syrian Arab Army", "Syrian Armed Forces")),
        ("seed", "Lions of Hussein", ("Local Defence Forces", "Syrian Armed Forces")),
        ("seed", "Wagner Group", ("Russian Armed Forces",)),
        ("seed", "IRGC", ()),
        ("abu-kamal", "124th Brigade", ("Republican Guard", "Syrian Army")),
        ("abu-kamal", "Kafeel Zaynab Brigade", ("Asa'ib Ahl al-Haq", "PMF militias")),
        ("abu-kamal", "PMF militias", ()),
    ],
)  # fmt: skip
def test_unit_ancestors_nearest_first(name, unit, ancestors):
    assert next(u for u in facts(name, "unit") if u.name == unit).ancestors == ancestors


def test_image_file_name_is_stripped_from_unit_name(seed_extraction):
    names = [u.name for u in seed_extraction.of_kind("unit")]
    assert [n for n in names if ".svg" in n or "SSI" in n] == []


def test_flagged_unit_has_its_country(seed_extraction):
    irgc = next(u for u in seed_extraction.of_kind("unit") if u.name == "IRGC")
    assert irgc.country == "Iran"


# --- casualties and strength ---------------------------------------------------------------

d = dt.date
CASUALTIES = {
    "seed": [
        (1, "120", "killed", None, None,
         ((d(2017, 9, 18), d(2017, 9, 25)), (d(2017, 10, 29), d(2017, 11, 1)))),
        (2, "300+", "killed", None, "Syrian claim", ((d(2017, 9, 29), d(2017, 10, 13)),)),
        (2, "101", "killed", None, "SOHR", ((d(2017, 10, 29), d(2017, 11, 1)),)),
        (2, "250+", "captured", None, None, ()),
    ],
    "abu-kamal": [
        (1, "376+", "killed", None, None, ()),
        (2, "352+", "killed", None, None, ()),
        (3, "269", "killed", "civilians", None, ()),
    ],
    "mayadin": [
        (1, "38+", "killed", None, "SOHR", ()),
        (2, "180+", "killed", None, "Russia", ()),
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_casualties_with_count_claim_and_period(name):
    got = [(c.side, c.count, c.what, c.who, c.claimed_by, c.periods)
           for c in facts(name, "casualty")]  # fmt: skip
    assert got == CASUALTIES[name]


ABU_STRENGTH = [
    (1, "8,000", "Lebanese, Iraqi, Afghan and Palestinian fighters"),
    (1, "450", "Tiger Forces"),
    (1, "300", "Republican Guard's 124th Brigade"),
    (1, "300", "4th Division's 42nd Brigade"),
    (2, "5,000–10,000+", None),
]


def test_strength_figures_of_abu_kamal():
    got = [(s.side, s.count, s.who) for s in facts("abu-kamal", "strength") if s.count[0].isdigit()]
    assert got == ABU_STRENGTH


def test_strength_lines_of_abu_kamal_include_several_thousand():
    got = [(s.side, s.count, s.who) for s in facts("abu-kamal", "strength")]
    assert got == [(1, "Several thousand", None), *ABU_STRENGTH]


@pytest.mark.parametrize("name", ["seed", "mayadin"])
def test_no_strength_without_strength_fields(name):
    assert facts(name, "strength") == []


# =============================================================================================
# 3. Dated events from the body
# =============================================================================================

# Every day-precise statement in reading order, read by hand: "MM-DD" in 2017, "MM-DD/MM-DD" for
# a range, "by MM-DD" for "By 17 November", "By midnight" and the like.
EVENTS = {
    "seed": [
        "09-05", "09-06", "09-14", "09-15", "09-16", "09-16", "09-18", "09-22", "09-23",
        "09-14/09-23", "10-06", "10-16", "10-17", "10-17", "10-18", "10-17", "10-18", "10-19",
        "10-23", "10-25", "10-26", "by 10-26", "10-29", "10-29", "10-31", "10-30", "11-01", "11-02",
        "by 11-02", "11-03", "11-10", "by 11-17",
    ],
    "abu-kamal": [
        "10-07", "10-14", "10-23", "10-23", "10-23/10-25", "by 10-25", "10-26", "10-31", "11-01/11-02",
        "by 11-01", "11-03", "11-03", "11-05", "by 11-06", "11-08", "11-08", "11-08", "11-09",
        "11-09", "by 11-10", "11-11", "11-15", "by 11-16", "11-17", "11-17", "11-18", "11-18",
        "11-19", "11-19", "11-19", "by 11-23", "11-27", "11-28", "12-06", "12-06", "12-07",
    ],
    "mayadin": [
        "09-05", "09-24", "09-22", "10-01", "10-01", "10-04", "10-04", "10-05", "10-06", "10-06",
        "10-07", "10-07", "10-08", "10-08", "10-08", "10-10", "10-11", "10-12", "10-12", "10-14",
        "10-14", "10-14", "by 10-16", "10-17", "10-17", "10-20", "10-26", "11-03", "11-08",
        "11-17", "11-27", "11-28", "12-06",
    ],
}  # fmt: skip


def _md(e) -> str:
    s = e.date.strftime("%m-%d")
    if e.end_date:
        s += "/" + e.end_date.strftime("%m-%d")
    return f"by {s}" if e.by else s


@pytest.mark.parametrize("name", NAMES)
def test_every_dated_statement_in_order(name):
    from deirquiz.events import INFOBOX_POINTS

    body = [_md(e) for e in x_of(name).events if e.section not in INFOBOX_POINTS]
    assert body == EVENTS[name]


def test_the_territorial_changes_are_dated_points_of_their_own():
    from deirquiz.events import TERRITORY

    points = {
        n: [(_md(e), e.text) for e in x_of(n).events if e.section == TERRITORY] for n in NAMES
    }
    assert points["mayadin"] == [
        ("10-14", "Syrian Army captures the city of Mayadin, ISIL's new de facto capital city, "
                  "on 14 October"),
    ]  # fmt: skip
    assert [d for d, _ in points["abu-kamal"]] == ["11-19"]
    assert points["seed"] == []


def test_the_results_dated_points_are_events_of_their_own():
    # the infobox's "* On 3 November, ..., and on 17 November, ISIL surrendered the island"
    from deirquiz.events import RESULT

    points = [e for e in x_of("seed").events if e.section == RESULT]
    assert [(_md(e), e.clause) for e in points] == [
        ("10-17", "The Syrian Army secured a perimeter surrounding the ISIL-controlled half of "
                  "the city."),
        ("11-03", "The Syrian Army took complete control of the city."),
        ("11-17", "ISIL surrendered the island of Hawijat Kati, bringing all areas around the city "
                  "under Army control."),
    ]  # fmt: skip
    assert not [e for n in NAMES if n != "seed" for e in x_of(n).events if e.section == RESULT]


@pytest.mark.parametrize("name", NAMES)
def test_every_event_is_in_2017(name):
    years = {y.year for e in x_of(name).events for y in (e.date, e.end_date) if y}
    assert years == {2017}


# (article, sentence start, phrase, date, by): each relative phrase resolved from the day before
RELATIVE = [
    ("seed", "The next day they secured a supply line", "The next day", "09-06", False),
    ("seed", "On 15 September, Russian Foreign Ministry", "a day later", "09-16", False),
    ("seed", "The next day, the town of Janenah", "The next day", "10-17", False),
    ("seed", "The following day, Syrian Democratic Forces", "The following day", "10-18", False),
    ("seed", "The following day, ISIL launched", "The following day", "10-19", False),
    ("seed", "The next day, after capturing the city's", "The next day", "10-26", False),
    ("seed", "By the end of the day", "By the end of the day", "10-26", True),
    ("seed", "On 31 October, Syrian Government", "on the previous day", "10-30", False),
    ("seed", "On the next day, ISIL's defense lines", "On the next day", "11-02", False),
    ("seed", "By midnight, the Sheikh Yassin", "By midnight", "11-02", True),
    ("abu-kamal", "Pro-government sources said", "that day", "10-23", False),
    ("abu-kamal", "The next day, a Hezbollah-run", "The next day", "10-26", False),
    ("abu-kamal", "The same day, the Iraqi Army", "The same day", "11-03", False),
    ("abu-kamal", "Elsewhere that day", "Elsewhere that day", "11-08", False),
    ("abu-kamal", "A commander in the pro-government", "that night", "11-08", False),
    ("abu-kamal", "That night, however", "That night", "11-09", False),
    ("abu-kamal", "That night, however", "by the following day", "11-10", True),
    ("abu-kamal", "The next day, after capturing Tal", "The next day", "11-17", False),
    ("abu-kamal", "SANA reported on the same day", "on the same day", "11-18", False),
    ("abu-kamal", "The SOHR confirmed the capture", "the same day", "11-19", False),
    ("abu-kamal", "Pro-government media reported that Maj.", "that day", "11-19", False),
    ("abu-kamal", "On 27 November they captured", "a day later", "11-28", False),
    ("abu-kamal", "Gen. Valery Gerasimov", "that day", "12-06", False),
    ("mayadin", "On the same day, the Syrian Observatory", "On the same day", "10-04", False),
    ("mayadin", "The next day, the Republican Guard", "The next day", "10-05", False),
    ("mayadin", "Pro-government media reported that day", "that day", "10-06", False),
    ("mayadin", "The following day, government sources", "The following day", "10-07", False),
    ("mayadin", "A Syrian military source told Reuters", "the same day", "10-08", False),
    ("mayadin", "According to the SOHR, however", "that day", "10-08", False),
    ("mayadin", "Government forces began to close a ring", "a day later", "10-12", False),
    ("mayadin", "Russian Defence Ministry spokesman", "the same day", "10-14", False),
    ("mayadin", "That evening, the ISIL-affiliated", "That evening", "10-14", False),
    ("mayadin", "On 17 October, SANA reported", "on the same day", "10-17", False),
    ("mayadin", "In late November, the Tiger Forces", "on the next day", "11-28", False),
    ("seed", "50 ISIL militants", "during the day's fighting", "10-29", False),
]


@pytest.mark.parametrize(
    ("name", "start", "phrase", "day", "by"),
    RELATIVE,
    ids=[f"{r[0]}-{r[2]}-{r[3]}" for r in RELATIVE],
)
def test_relative_day_resolves_from_previous_event(name, start, phrase, day, by):
    got = [(_md(e), e.by, e.relative) for e in x_of(name).events
           if e.text.startswith(start) and e.phrase == phrase]  # fmt: skip
    assert got == [(f"by {day}" if by else day, by, True)]


@pytest.mark.parametrize(
    ("name", "phrase", "start", "end"),
    [
        ("seed", "Between 14 and 23 September", "09-14", "09-23"),
        ("abu-kamal", "on 1 and 2 November", "11-01", "11-02"),
        ("abu-kamal", "Over the next 48 hours", "10-23", "10-25"),  # from the day in force
    ],
)
def test_range_gives_start_and_end_day(name, phrase, start, end):
    e = next(e for e in x_of(name).events if e.phrase == phrase)
    assert (e.date.strftime("%m-%d"), e.end_date.strftime("%m-%d")) == (start, end)


@pytest.mark.parametrize(
    ("name", "phrase", "by"),
    [
        ("seed", "By 17 November", True),
        ("seed", "On 3 November", False),
        ("abu-kamal", "By 25 October", True),
        ("abu-kamal", "By 6 November", True),
        ("abu-kamal", "By 23 November", True),
        ("mayadin", "By 16 October", True),
        ("mayadin", "Also on 7 October", False),
    ],
)
def test_by_phrase_marks_on_or_before(name, phrase, by):
    from deirquiz.events import INFOBOX_POINTS

    found = [
        e.by for e in x_of(name).events if e.phrase == phrase and e.section not in INFOBOX_POINTS
    ]
    assert found == [by]


# (article, coarse phrase, the days its sentence does give)
COARSE = [
    ("seed", "In the summer of 2017", []),
    ("seed", "From 2014 until 2017", []),
    ("seed", "during a previous offensive in 2016", ["09-16"]),
    ("abu-kamal", "In December 2017", []),
    ("abu-kamal", "in 2012", []),
    ("mayadin", "In June 2017", []),
    ("mayadin", "In the summer of 2017", ["09-05"]),
    ("mayadin", "over the previous 24 hours", ["10-07"]),
    ("mayadin", "over the previous week", ["10-14"]),
    ("mayadin", "In the final days of the battle", []),
    ("mayadin", "at night", []),
    ("mayadin", "In late November", ["11-27", "11-28"]),
]


@pytest.mark.parametrize(("name", "phrase", "days"), COARSE, ids=[c[1] for c in COARSE])
def test_coarse_date_gives_no_event(name, phrase, days):
    x = x_of(name)
    in_article = any(phrase in p for _, p in x.article.paragraphs)
    assert (in_article, [_md(e) for e in x.events if phrase in e.text]) == (True, days)


@pytest.mark.parametrize(
    ("name", "start", "section"),
    [
        ("seed", "The Syrian Army managed to break the siege", "Background"),
        ("seed", "On 17 October, the Army captured three", "Capturing the city"),
        ("abu-kamal", "By 23 November", "Clearing the Euphrates valley"),
        ("mayadin", "On 20 October", "Aftermath"),
    ],
)
def test_event_keeps_its_section(name, start, section):
    assert {e.section for e in x_of(name).events if e.text.startswith(start)} == {section}


@pytest.mark.parametrize(
    ("name", "phrase", "clause"),
    [
        ("seed", "on 5 September",
         "The Syrian Army managed to break the siege of Deir ez-Zor by linking up with the 137th "
         "brigade base."),
        ("seed", "a day later",
         "The Russian air force bombed the positions of the SDF northeast of Deir ez-Zor."),
        ("abu-kamal", "on 1 and 2 November",
         "Tu-22M3 long-range bombers flying from Russia through Iranian and Iraqi airspace struck "
         "the Abu Kamal area."),
        ("mayadin", "on 3 November", "The army completed its capture of the city."),
        ("mayadin", "on 6 October", "Government troops broke into the western part of Mayadin."),
        ("mayadin", "On 14 October 2017",
         "A Syrian military source announced that government and allied forces had taken "
         "Mayadin, saying ISIL's ranks had \"collapsed\"."),
    ],
)  # fmt: skip
def test_clause_is_the_dated_statement_without_its_date(name, phrase, clause):
    assert [e.clause for e in x_of(name).events if e.phrase == phrase] == [clause]


# --- years and anchors, on small articles -------------------------------------------------------


def test_day_without_any_year_gives_no_event():
    assert (
        event_days(article("On 5 March, the army attacked. The next day it withdrew.", None)) == []
    )


def test_bare_year_in_passing_does_not_change_later_years():
    body = (
        "On 16 September, the army captured Ayyash, reversing gains made during a previous "
        "offensive in 2016. On 18 September, it crossed the river."
    )
    assert event_days(article(body)) == ["2017-09-16", "2017-09-18"]


def test_month_year_in_passing_does_not_change_the_year():
    body = (
        "On 16 September, the army captured Ayyash, reversing gains made during a previous "
        "offensive in June 2016. On 18 September, it crossed the river."
    )
    assert event_days(article(body)) == ["2017-09-16", "2017-09-18"]


def test_earlier_month_year_later_in_sentence_keeps_the_article_year():
    body = (
        "On 5 September, the army broke the siege that had lasted since January 2015. "
        "On 6 September, it advanced."
    )
    assert event_days(article(body)) == ["2017-09-05", "2017-09-06"]


def test_full_date_in_passing_keeps_the_narrative_year():
    body = (
        "On 16 September, the army recaptured Ayyash, lost on 14 January 2016. "
        "On 18 September, it crossed the river."
    )
    assert event_days(article(body)) == ["2017-09-16", "2016-01-14", "2017-09-18"]


def test_month_year_opening_a_sentence_sets_the_year_that_follows():
    body = "In June 2016, ISIL attacked the airbase. On 5 July, the army counterattacked."
    assert event_days(article(body)) == ["2016-07-05"]


def test_explicit_year_in_the_body_wins():
    assert event_days(article("On 8 October 2015, X happened.")) == ["2015-10-08"]


def test_days_cross_new_year_from_the_infobox_range():
    body = "On 20 December, X happened. On 3 January, Y happened. The next day, Z happened."
    assert event_days(article(body, "14 December 2016 – 20 January 2017")) == [
        "2016-12-20",
        "2017-01-03",
        "2017-01-04",
    ]


def test_year_comes_from_a_month_precise_infobox_date():
    assert event_days(article("On 5 March, X happened.", "March – May 2016")) == ["2016-03-05"]


def test_relative_day_after_a_coarse_date_gives_no_event():
    body = (
        "On 16 September, X happened. In late November, the Tiger Forces renewed their push. "
        "The next day, they took Y."
    )
    assert event_days(article(body)) == ["2017-09-16"]


@pytest.mark.parametrize(
    ("body", "days"),
    [
        ("On 31 September, nothing. On 29 February, nothing.", []),
        ("The 4th Armoured Division and 5 Corps fought under Resolution 2254.", []),
        ("Between 30 September and 2 October, Y.", ["2017-09-30/2017-10-02"]),
        ("From 29 October to 1 November, W.", ["2017-10-29/2017-11-01"]),
        ("On October 9, S. Two days later, U. The day before, T.",
         ["2017-10-09", "2017-10-11", "2017-10-10"]),
    ],
)  # fmt: skip
def test_small_bodies(body, days):
    assert event_days(article(body)) == days


# =============================================================================================
# 4. The CLI
# =============================================================================================


def _run(*args: str):
    return CliRunner().invoke(main, ["extract", *args], catch_exceptions=False)


@cache
def _seed_json() -> dict:
    result = _run(str(SEED), "--json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_extract_json_is_one_document_with_one_article():
    assert len(_seed_json()["articles"]) == 1


def test_extract_json_article_keys():
    art = _seed_json()["articles"][0]
    assert {k: art[k] for k in ("title", "source", "url")} == {
        "title": "Deir ez-Zor offensive (September–November 2017)",
        "source": str(SEED),
        "url": "https://en.wikipedia.org/wiki/Deir_ez-Zor_offensive_(September%E2%80%93November_2017)",
    }


def test_extract_json_events_have_date_end_date_text_section():
    ev = _seed_json()["articles"][0]["events"][9]
    assert {k: ev[k] for k in ("date", "end_date", "text", "section")} == {
        "date": "2017-09-14",
        "end_date": "2017-09-23",
        "text": "Between 14 and 23 September, the military had cleared between 1,300 and 1,700 "
        "square kilometers of territory, including 35 towns and villages.",
        "section": "Surrounding the city",
    }


def test_extract_json_lists_every_event():
    # the body's, then the three of the infobox's result
    assert len(_seed_json()["articles"][0]["events"]) == len(EVENTS["seed"]) + 3


def test_extract_json_commander_fields():
    cmd = [f for f in _seed_json()["articles"][0]["facts"] if f["kind"] == "commander"][2]
    assert {k: cmd[k] for k in ("name", "side", "rank", "unit", "country", "killed")} == {
        "name": "Valery Asapov",
        "side": 1,
        "rank": "Lt. Gen.",
        "unit": "Syrian 5th Corps",
        "country": "Russia",
        "killed": False,
    }


def test_extract_json_casualty_periods_are_iso_pairs():
    cas = next(f for f in _seed_json()["articles"][0]["facts"] if f["kind"] == "casualty")
    assert cas["periods"] == [["2017-09-18", "2017-09-25"], ["2017-10-29", "2017-11-01"]]


def test_extract_json_fact_kinds():
    kinds = {f["kind"] for f in _seed_json()["articles"][0]["facts"]}
    assert kinds == {"overview", "combatant", "commander", "unit", "casualty"}


@pytest.mark.skipif(not ALL[1:], reason="no shared articles")
def test_extract_json_of_several_articles_is_still_one_document():
    result = _run(str(SEED), *map(str, ALL[1:]), "--json")
    assert len(json.loads(result.stdout)["articles"]) == len(ALL)


def test_extract_without_source_reads_the_bundled_seed():
    result = _run("--json")
    assert json.loads(result.stdout)["articles"][0]["title"] == (
        "Deir ez-Zor offensive (September–November 2017)"
    )


def test_extract_text_summary_counts_the_timeline():
    assert "Timeline: 35 dated events" in _run(str(SEED)).stdout


@pytest.mark.parametrize(
    "line",
    [
        "5 September 2017",
        "14–23 September 2017",
        "by 17 November 2017",
        "by 2 November 2017",
    ],
)
def test_extract_text_summary_lists_the_timeline(line):
    lines = [ln.strip() for ln in _run(str(SEED)).stdout.splitlines()]
    assert any(ln.startswith(line + " ") for ln in lines)


def test_extract_missing_file_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.md")])
    assert (result.exit_code, "no such file" in result.output) == (1, True)


def test_a_result_point_takes_the_year_that_puts_it_within_the_infobox_dates():
    # a span across New Year: "* On 3 January" is 2017, "* On 17 December" 2016
    from deirquiz.events import RESULT, events

    text = SEED.read_text(encoding="utf-8")
    text = text.replace(
        "text: 14 September â€“ 17 November 2017", "text: 14 December 2016 â€“ 17 January 2017"
    )
    text = text.replace("* On 17 October, the Syrian Army", "* On 17 December, the Syrian Army")
    text = text.replace(
        "* On 3 November, the Syrian Army took", "* On 3 January, the Syrian Army took"
    )
    text = text.replace(
        "and on 17 November, ISIL surrendered", "and on 30 February, ISIL surrendered"
    )
    points = [e for e in events(parse(text, "x.md")) if e.section == RESULT]
    assert [e.date.isoformat() for e in points] == ["2016-12-17", "2017-01-03"]
