"""What the converter leaves of wikitext in a body never reaches a card: reference tags,
templates, comments and tables are dropped, and a heading run into a paragraph is a heading."""

from __future__ import annotations

from deirquiz.article import parse
from deirquiz.extraction import extract

# the converter's output for a few lines of wikitext (" ==Indented heading==" after a table; a
# {{legend}} it does not know), with the reference tags real pages leave behind
BODY = """
Alpha.</ref> Beta.<ref name="smith 2001" /> Gamma.<ref name=x/> Delta.<ref>Jones, p. 5</ref>

{{legend|#ff0000|British positions}} {{legend|#0000ff|French positions}}

## Colours again

|                |
|       ---      |
|      Cell.     |

Text on the same line.<!-- a note -->

Mu. Nu. ==Colours and badge== Xi wore red on 1 July 1916.{{sfn|Smith|2000|p=1}}

### Sub
Omicron.
"""


def _article():
    text = f"---\ntitle: Test\ninfoboxes:\n  - date:\n      text: 1 July 1916\n---\n{BODY}"
    return parse(text, "test.md")


def test_reference_tags_templates_and_comments_are_dropped():
    a = _article()
    assert a.lead == ("Alpha. Beta. Gamma. Delta.",)
    assert a.sections[0].paragraphs == ("Text on the same line.", "Mu. Nu.")


def test_a_table_is_no_paragraph():
    assert all("|" not in p for _, p in _article().paragraphs)


def test_a_heading_run_into_a_paragraph_is_a_heading():
    a = _article()
    assert [(s.heading, s.level, s.paragraphs) for s in a.sections[1:]] == [
        ("Colours and badge", 2, ("Xi wore red on 1 July 1916.",)),
        ("Sub", 3, ("Omicron.",)),
    ]


def test_no_leftover_reaches_an_event():
    events = extract(_article()).events
    assert [(e.section, e.text) for e in events] == [
        ("Colours and badge", "Xi wore red on 1 July 1916.")
    ]


def test_the_appendices_and_what_stands_under_them_are_no_sections():
    text = (
        "---\ntitle: Test\n---\n\n## Battle\nThey fought.\n\n## References\n\n"
        "### Bibliography\n * Lord, Walter. *Incredible Victory*. New York, 1967.\n\n"
        "## Further reading\n * A book.\n"
    )
    assert [s.heading for s in parse(text, "test.md").sections] == ["Battle"]


def test_anki_syntax_in_the_text_is_text_not_a_template():
    text = "---\ntitle: Test\n---\n\nThey wrote {{c1::x}} on the wall.\n"
    assert parse(text, "test.md").lead == ("They wrote {{c1::x}} on the wall.",)
