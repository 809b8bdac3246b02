"""The deirquiz note types, as plain data (genanki is only imported to write a package).

A note type's fields are frozen: Anki silently skips notes whose note type's fields changed, so a
new field means a new "v2" type with its own name (and so its own id).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from importlib import resources

_HEADER = '<div class="dq-article">{{Article}}</div>'
_PROMPT = '<div class="dq-prompt">{{Prompt}}</div>'
_RULE = '<hr id="answer">'
_EXPLANATION = '{{#Explanation}}<div class="dq-explanation">{{Explanation}}</div>{{/Explanation}}'
_SOURCE = '<div class="dq-source">{{Source}}</div>'
_MCQ_OPTION = '{{#X}}<li class="dq-opt dq-opt-X"><span class="dq-letter">X</span> {{X}}</li>{{/X}}'
# The back's first line: the right option's letter and text, picked by CSS from the Correct field
# (dq-right-B shows dq-say-B), so that a phone shows the answer before anything else.
_MCQ_SAY = '<span class="dq-say dq-say-X">{{X}}</span>'
LETTERS = string.ascii_uppercase


def _side(kind: str, *parts: str) -> str:
    """One side of a card in our wrapper (parts are Anki template syntax, not f-strings)."""
    return f'<div class="dq dq-{kind}">' + "".join(parts) + "</div>"


def _mcq_answer() -> str:
    said = "".join(_MCQ_SAY.replace("X", x) for x in "ABCD")
    return (
        '<div class="dq-answer dq-right-{{Correct}}"><span class="dq-letter">{{Correct}}</span>'
        f"{said}</div>"
    )


def _mcq_options(css_class: str) -> str:
    return (
        f'<ol class="{css_class}">' + "".join(_MCQ_OPTION.replace("X", x) for x in "ABCD") + "</ol>"
    )


@dataclass(frozen=True)
class NoteType:
    """What a genanki.Model needs, as plain data so importing this module stays cheap."""

    name: str
    card: str  # the template's name, shown as "Card" in Anki's browser
    fields: tuple[str, ...]
    front: str
    back: str
    cloze: bool = False


NOTE_TYPES: dict[str, NoteType] = {
    "basic": NoteType(
        "deirquiz Basic v1",
        "Basic",
        ("Prompt", "Answer", "Explanation", "Source", "Article"),
        _side("basic", _HEADER, _PROMPT),
        "{{FrontSide}}"
        + _RULE
        + _side("basic", '<div class="dq-answer">{{Answer}}</div>', _EXPLANATION, _SOURCE),
    ),
    "mcq": NoteType(
        "deirquiz Multiple choice v1",
        "Multiple choice",
        ("Prompt", "A", "B", "C", "D", "Correct", "Explanation", "Source", "Article"),
        _side("mcq", _HEADER, _PROMPT, _mcq_options("dq-options")),
        # The back: the answer first, then the options with the right one marked by CSS
        # (dq-correct-B marks B; a phone leaves them out), then why and where from.
        _side(
            "mcq",
            _HEADER,
            _PROMPT,
            _RULE,
            _mcq_answer(),
            _mcq_options("dq-options dq-marked dq-correct-{{Correct}}"),
            _EXPLANATION,
            _SOURCE,
        ),
    ),
    "truefalse": NoteType(
        "deirquiz True/False v1",
        "True/False",
        ("Statement", "Answer", "Explanation", "Source", "Article"),
        _side(
            "truefalse",
            _HEADER,
            '<div class="dq-kicker">True or false?</div>',
            '<div class="dq-prompt">{{Statement}}</div>',
        ),
        "{{FrontSide}}"
        + _RULE
        + _side(
            "truefalse",
            '<div class="dq-answer dq-tf dq-tf-{{Answer}}">{{Answer}}</div>',
            _EXPLANATION,
            _SOURCE,
        ),
    ),
    "cloze": NoteType(
        "deirquiz Cloze v1",
        "Cloze",
        ("Text", "Extra", "Source", "Article"),
        _side("cloze", _HEADER, '<div class="dq-prompt">{{cloze:Text}}</div>'),
        _side(
            "cloze",
            _HEADER,
            '<div class="dq-prompt">{{cloze:Text}}</div>',
            _RULE,
            '{{#Extra}}<div class="dq-explanation">{{Extra}}</div>{{/Extra}}',
            _SOURCE,
        ),
        cloze=True,
    ),
    "order": NoteType(
        "deirquiz Order v1",
        "Order",
        ("Prompt", "Items", "Order", "Explanation", "Source", "Article"),
        _side("order", _HEADER, _PROMPT, "{{Items}}"),
        # the events in their order (with their dates) stand for the shuffled list: not again
        _side(
            "order",
            _HEADER,
            _PROMPT,
            _RULE,
            '<div class="dq-answer">{{Order}}</div>',
            _EXPLANATION,
            _SOURCE,
        ),
    ),
    # Anki's "Basic (type in the answer)": short answers are typed, and Anki shows the typed
    # text against the answer. Same fields as Basic, so a note reads the same in both.
    "basic-typein": NoteType(
        "deirquiz Basic (type in) v1",
        "Type in",
        ("Prompt", "Answer", "Explanation", "Source", "Article"),
        _side("basic", _HEADER, _PROMPT, '<div class="dq-typein">{{type:Answer}}</div>'),
        _side(
            "basic",
            _HEADER,
            _PROMPT,
            _RULE,
            '<div class="dq-typein">{{type:Answer}}</div>',
            _EXPLANATION,
            _SOURCE,
        ),
    ),
}

# The cards' style sheet (anki.css): custom properties carry the colours, so night mode
# (.nightMode on desktop and iOS, .night_mode on AnkiDroid) only swaps the palette.
CSS = (resources.files(__package__) / "anki.css").read_text(encoding="utf-8")
