"""Wikitext read as the converter's Markdown is: the same facts and dated events from the shared
articles' .wiki as from their .md, but for what the converter loses; templates, links and
emphasis in the converter's layout; a broken file read as far as it goes.
"""

from __future__ import annotations

import pytest

from deirquiz import article, infobox, wikiguard, wikitext
from deirquiz.extraction import extract

from .wikidata import MARKDOWN, NAMES, OWN, wiki_source

# Every fact on which the .wiki and the .md differ: (identity, attribute) -> (from the .md, from
# the .wiki), or identity -> the side that alone has it. Each is something the converter loses.
CONVERTER_LOSES = {
    "battle-of-gettysburg": {
        # {{flag|Confederate States of America}}, {{flagicon|CSA}}: a flag the converter drops
        ("combatant:2:Confederate States of America", "country"): (None, "Confederate States"),
        ("commander:2:Robert E. Lee", "country"): (None, "Confederate States"),
        ("commander:2:James Longstreet", "country"): (None, "Confederate States"),
        # ([[John F. Reynolds]]{{KIA}}: the converter drops the mark, which the narrative's
        # "was shot from his horse and killed" gives back: fallen.py)
    },
    "battle-of-waterloo": {
        # {{flagdeco|First French Empire}}, {{flagicon|First French Empire}}: dropped
        ("combatant:1:French Empire", "country"): (None, "France"),
        ("commander:1:Napoleon I", "country"): (None, "France"),
        ("unit:1:Armée du Nord", "country"): (None, "France"),
        ("unit:1:I Corps", "country"): (None, "France"),
        ("unit:1:II Corps", "country"): (None, "France"),
        ("unit:1:VI Corps", "country"): (None, "France"),
        ("unit:1:Imperial Guard", "country"): (None, "France"),
        # {{flagicon|UK}}, {{flagicon|United Kingdom of Great Britain and Ireland}}: dropped
        ("commander:2:Duke of Wellington", "country"): (None, "United Kingdom"),
        ("commander:2:Lord Hill", "country"): (None, "United Kingdom"),
        ("commander:2:Earl of Uxbridge", "country"): (None, "United Kingdom"),
        # {{flag|Kingdom of Prussia}}, {{flagicon|Kingdom of Prussia}}: dropped
        ("combatant:3:Kingdom of Prussia", "country"): (None, "Prussia"),
        ("commander:3:Gebhard von Blücher", "country"): (None, "Prussia"),
        ("commander:3:August von Gneisenau", "country"): (None, "Prussia"),
        # ({{KIA}} beside Picton: dropped, and given back by the narrative; "68,000{{plainlist|*
        # 25,000 British ...": joined to the line before, and cut apart again: figures.py)
        # {{coord|...|display=title}}: in the page's title bar, not its text; the converter
        # writes it as a field
        "overview:coordinates:50.6803°N, 4.41167°E": "md",
    },
    "battle-of-dien-bien-phu": {
        # {{flagicon|North Vietnam}}, {{flagicon|State of Vietnam}}: dropped
        ("combatant:2:Democratic Republic of Vietnam (Viet Minh)", "country"): (None, "North Vietnam"),
        ("commander:2:Hồ Chí Minh", "country"): (None, "North Vietnam"),
        ("commander:2:Võ Nguyên Giáp", "country"): (None, "North Vietnam"),
        # ([[Jules Gaucher]] {{KIA}}: dropped, and given back by the narrative)
        "overview:coordinates:21.3869°N, 103.016°E": "md",  # display=title, as at Waterloo
    },
    # our own wikitext, written to say what the Markdown says: {{Tree list}}, {{plainlist}},
    # flag images between names, {{KIA}}, {{start date}}, {{ndash}}
    "2017-mayadin-offensive": {},
    "2017-abu-kamal-offensive": {},
}  # fmt: skip


def _wiki(name: str):
    return wikitext.parse(wiki_source(name), f"{name}.wiki")


def _md(name: str):
    return article.load(MARKDOWN / f"{name}.md")


def _facts(art) -> dict[str, dict]:
    """Facts by identity; 'source' is each fact's text as laid out, which differs by the flags
    and line breaks the converter loses, so it is left out."""
    out = {}
    for f in extract(art).facts:
        d = f.to_dict()
        d.pop("source")
        out[f.identity] = d
    return out


def _differences(md: dict[str, dict], wiki: dict[str, dict]) -> dict:
    diff: dict = {}
    for key in md.keys() | wiki.keys():
        a, b = md.get(key), wiki.get(key)
        if a is None or b is None:
            diff[key] = "md" if b is None else "wiki"
        else:
            diff.update({(key, k): (a[k], b[k]) for k in a if a[k] != b[k]})
    return diff


@pytest.mark.parametrize("name", [*NAMES, *OWN])
def test_wikitext_gives_the_markdowns_facts_but_for_what_the_converter_loses(name):
    assert _differences(_facts(_md(name)), _facts(_wiki(name))) == CONVERTER_LOSES[name]


@pytest.mark.parametrize("name", [*NAMES, *OWN])
def test_wikitext_gives_the_markdowns_dated_events(name):
    # the Markdown loader keeps italics as '*' in a sentence ("HMS *Bellerophon*"): not words
    def events(art, strip=""):
        return [
            {k: v.replace(strip, "") if isinstance(v, str) and strip else v
             for k, v in e.to_dict().items()}
            for e in extract(art).events
        ]  # fmt: skip

    assert events(_wiki(name)) == events(_md(name), strip="*")


@pytest.mark.parametrize("name", [*NAMES, *OWN])
def test_wikitext_gives_the_markdowns_lead_sections_and_see_also(name):
    wiki, md = _wiki(name), _md(name)
    assert wiki.title == md.title and wiki.url == md.url and wiki.slug == md.slug
    assert wiki.description == md.description
    assert wiki.lead == md.lead
    assert wiki.see_also == md.see_also
    # the Markdown keeps a References subsection (Bibliography) as narrative; wikitext does not
    narrative = [s for s in md.sections if s.path[0] != "References"]
    assert [(s.heading, s.level, s.path) for s in wiki.sections] == [
        (s.heading, s.level, s.path) for s in narrative
    ]


def test_the_bold_title_of_the_lead_is_a_term():
    # the converter lost it in two of the three articles
    assert _wiki("battle-of-gettysburg").terms[0] == "Battle of Gettysburg"


@pytest.mark.parametrize("name", [*NAMES, *OWN])
def test_no_markup_is_left_in_any_paragraph(name):
    art = _wiki(name)
    for _, para in art.paragraphs:
        for mark in ("{{", "}}", "[[", "]]", "<ref", "==", "'''"):
            assert mark not in para, (mark, para)


# --- the infobox ------------------------------------------------------------------------------

INFOBOX = """{{Short description|A battle}}
{{Infobox military conflict
| conflict = Battle of Testville
| date = {{start date|1863|7|1}} – {{end date|1863|7|3}}
| place = [[Testville, Ohio|Testville]]<ref>Smith, p. 3.</ref><!-- check -->
| combatant1 = {{flag|France}}
| combatant2 = {{flagicon|CSA|1863}} [[Confederate States of America|Confederacy]]
| commander1 = {{flagicon|UK}} [[John Doe]]{{KIA}} <small>(I Corps)</small><br />[[Rick Roe]] {{WIA}}<br />(II Corps)
| commander2 = {{ubl|[[Ann Poe]] {{POW}}|Bo Loe}}
| strength1 = {{plainlist|
* {{circa}} 5,000
* 12 guns
}}
| casualties1 = '''Total: 300'''<br />{{hlist|100 killed|200 wounded}}
| territory = {{convert|5|km|mi}} of ''[[Banks]]'' [[File:Map.png|thumb|A [[map]]]]
| coordinates = {{coord|50|40|49|N|4|24|42|E|display=inline,title}}
}}
{{Campaignbox Testing}}
{{Infobox person
| name = Someone else
| date = 1900
| notes = {{date|2017-09-14}}
}}
The '''Battle of Testville''' was fought on 1 July 1863.
"""


def _box():
    return wikitext.parse(INFOBOX, "testville.wiki").infobox


def test_the_conflict_box_is_the_articles_and_another_fills_its_gaps():
    box = _box()
    assert box["conflict"].text == "Battle of Testville"
    assert box["date"].text == "July 1, 1863 – July 3, 1863"  # the first box's, not 1900
    assert box["notes"].text == "14 September 2017"  # only the second box has it


def test_the_lua_form_of_the_infobox_is_read():
    lua = INFOBOX.replace("{{Infobox military conflict", "{{#invoke:Infobox military conflict|main")
    assert wikitext.parse(lua, "t.wiki").infobox["conflict"].text == "Battle of Testville"


def test_flags_give_the_country_as_the_converters_emoji_do():
    box = _box()
    assert box["combatant1"].text == "🇫🇷 France"
    flag = infobox.FLAG.match(box["combatant2"].text)
    assert flag and infobox.flag_country(flag.group()) == "Confederate States"
    assert box["combatant2"].text.endswith(" Confederacy")


def test_commander_marks_units_and_lines_follow_the_converters_layout():
    box = _box()
    assert box["commander1"].text == "🇬🇧 John Doe† (I Corps)\nRick Roe\n(II Corps)"
    assert box["commander2"].text == "Ann Poe\nBo Loe"


def test_commanders_read_from_wikitext_keep_unit_country_and_death():
    art = wikitext.parse(INFOBOX, "t.wiki")
    doe = next(c for c in infobox.commanders(art) if c.name == "John Doe")
    assert (doe.unit, doe.country, doe.killed) == ("I Corps", "United Kingdom", True)


def test_templates_show_as_their_text_and_references_comments_files_drop():
    box = _box()
    assert box["place"].text == "Testville"
    assert box["strength1"].text == "c. 5,000\n12 guns"
    assert box["casualties1"].text == "Total: 300\n100 killed\n200 wounded"
    assert box["territory"].text == "5 km of Banks"
    assert box["coordinates"].text == "50°40′49″N 4°24′42″E"


def test_links_keep_their_page_and_emphasis_is_recorded():
    box = _box()
    assert [(lk.text, lk.page) for lk in box["place"].links] == [("Testville", "Testville, Ohio")]
    assert box["casualties1"].bold == ("Total: 300",)
    assert box["territory"].italic == ("Banks",)
    assert [lk.page for lk in box["territory"].links] == ["Banks"]  # not the image's caption's


def test_templates_in_sentences_show_their_words():
    text = (
        "{{As of|2017|10}}, the {{lang|ar|Jaysh}} held {{convert|5|-|10|km}} of the "
        "{{nowrap|east bank}}{{efn|A note.}}{{cn}}, {{circa|1,200}} men.\n"
    )
    assert wikitext.parse(text, "x.wiki").lead == (
        "As of October 2017, the Jaysh held 5–10 km of the east bank, c. 1,200 men.",
    )


def test_a_date_with_df_yes_is_day_first():
    text = "{{Infobox military conflict|date={{Start date and age|1815|06|18|df=yes}}}}"
    assert wikitext.parse(text, "w.wiki").infobox["date"].text == "18 June 1815"


# --- the body, the title ----------------------------------------------------------------------


def test_a_page_without_an_infobox_still_yields_its_events():
    text = (
        "'''Operation Test''' began on 3 May 1944.\n\n== Battle ==\nOn 5 May 1944, the town fell.\n"
    )
    x = extract(wikitext.parse(text, "op.wiki"))
    assert [e.date.isoformat() for e in x.events] == ["1944-05-03", "1944-05-05"]
    assert x.article.title == "Operation Test"  # the lead's bold subject


def test_the_title_is_the_infobox_name_else_the_bold_subject_else_the_file_name():
    assert wikitext.parse(INFOBOX, "x.wiki").title == "Battle of Testville"
    assert wikitext.parse("No bold here, 3 May 1944.", "Battle_of_Nowhere.wiki").title == (
        "Battle of Nowhere"
    )


def test_line_ends_of_every_system_are_read_alike():
    text = wiki_source("battle-of-waterloo")
    for ends in ("\r\n", "\r"):
        other = wikitext.parse(text.replace("\n", ends), "w.wiki")
        assert other == wikitext.parse(text, "w.wiki")


def test_a_redirect_names_its_target():
    with pytest.raises(article.DeirquizError, match="redirect to 'Battle of Gettysburg'"):
        wikitext.parse("#REDIRECT [[Battle of Gettysburg]]\n{{R from move}}", "r.wiki")


# --- broken and hostile wikitext --------------------------------------------------------------


def test_real_wikitext_passes_the_guard_unchanged():
    for name in (*NAMES, *OWN):
        assert wikiguard.balanced(wiki_source(name)) == wiki_source(name)


def test_an_infobox_that_lost_its_close_is_still_read():
    text = wiki_source("battle-of-gettysburg")
    end = text.index("}}\nThe '''Battle")
    broken = wikitext.parse(text[:end] + text[end + 2 :], "broken.wiki")
    assert _facts(broken) == _facts(_wiki("battle-of-gettysburg"))
    assert broken.sections == _wiki("battle-of-gettysburg").sections


def test_stray_and_unclosed_markup_leaves_the_words_and_no_markup():
    text = (
        "On 3 May 1944, {{cn|date=May 2020 the town ]] fell }} and <ref>the [[city|town burned.\n"
    )
    (lead,) = wikitext.parse(text, "x.wiki").lead
    assert lead.startswith("On 3 May 1944, and the ") and lead.endswith("town burned.")
    assert not any(mark in lead for mark in ("{{", "}}", "[[", "]]", "<ref"))


@pytest.mark.parametrize(
    "unit",
    ["{{a|", "{{a|<ref>}}</ref>", "<ref>{{</ref>}}", "<div>", "{|\n", "<!--", "<pre>",
     "[[File:a|", "'''a''b", "{{a|b}}{{c|", "}}", "<nowiki>", "[[a|{{b|]]"],
)  # fmt: skip
def test_long_hostile_wikitext_parses(unit):
    # each once took minutes at this size (the parser backtracking over unclosed markup); their
    # timing is benchmarks/bench.py's
    art = wikitext.parse("On 3 May 1944, it began. " + unit * (60_000 // len(unit)), "x.wiki")
    assert art.lead[0].startswith("On 3 May 1944, it began.")
