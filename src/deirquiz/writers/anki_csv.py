"""Anki's own text import (File → Import, choosing the .txt file): the same notes as the .apkg,
for people who edit or keep their notes outside a package.

The file's header lines tell Anki the separator (tab), that fields are HTML, and which columns
hold each note's GUID, note type, deck and tags; the fields follow in the note type's order.
Everything comes from the .apkg writer: the same GUIDs (importing both gives no duplicate: Anki
updates the note with that GUID), the same deck per topic, tags and field HTML, and the note
types by name ("deirquiz Basic v1", ...). Anki's text import does not create note types: import
the .apkg once, or choose your own note type and map the columns in Anki's import dialog.
Every field is quoted, so no line starts with "#" (a comment to Anki) whatever the GUID.
"""

from __future__ import annotations

import csv
import io

from ..model import Question, Quiz
from .anki import is_repeat, note_fields, note_guid, note_kind, note_tags, topic_decks
from .anki_notetypes import NOTE_TYPES
from .platform import LeftOut

HEADER = (
    "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
    "#tags column:4\n"
)


def render(quiz: Quiz, type_in: bool = False) -> tuple[bytes, LeftOut]:
    buf = io.StringIO()
    buf.write(HEADER)
    out = csv.writer(buf, delimiter="\t", quoting=csv.QUOTE_ALL, lineterminator="\n")
    written: dict[str, Question] = {}
    for part in quiz.parts or (quiz,):  # combined: a deck per article, as in the .apkg
        _, decks = topic_decks(part)
        for q in part.questions:
            if is_repeat(q, written):
                continue
            written[note_guid(q)] = q
            meta = [
                note_guid(q),
                NOTE_TYPES[note_kind(q, type_in)].name,
                decks[q.topic],
                " ".join(note_tags(q, part)),
            ]
            out.writerow(meta + note_fields(q, part))
    return buf.getvalue().encode("utf-8"), []
