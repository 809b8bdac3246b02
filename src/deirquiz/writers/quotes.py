"""Source text as a reader should see it quoted: on one line, without the converter's markup.

An infobox value arrives as the converter wrote it: list bullets (``* Syrian Armed Forces``),
Markdown emphasis (``*Akagi*``), one entry per line, a parenthesis on a line of its own. Printed
as is, a key shows stray ``*`` and run-on lists. ``quote()`` gives the same words as a sentence a
teacher can read; the words themselves are never changed.
"""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)([^*\n]*?\S)\1(?!\*)")
_BULLET = re.compile(r"(^|[·;:]|\n)[ \t]*\*+[ \t]*")
_STRAY = re.compile(r"(?<!\w)\*+(?!\w)|^\*+|\*+$")
_SEMI_PAREN = re.compile(r";\s*(?=\()")  # "5,700 killed; (8,000 according to Livy)"
_STOP_SEMI = re.compile(r"([.!?…])\s*;")  # "captured the town.; 3 November: …"
_SPACES = re.compile(r"[ \t]+")


def quote(text: str) -> str:
    """``text`` on one line: entries of a list joined by "; ", a parenthesis kept with what it
    explains, emphasis marks and bullets dropped."""
    text = str(text).replace("\r\n", "\n")
    text = _EMPHASIS.sub(r"\2", text)
    text = _BULLET.sub(lambda m: m.group(1) + (" " if m.group(1).strip() else ""), text)
    lines = [_SPACES.sub(" ", line).strip(" ·") for line in text.split("\n")]
    out = ""
    for line in (x for x in lines if x):
        if not out:
            out = line
        elif line.startswith("(") or out.endswith((":", ";", ",")):
            out += " " + line
        else:
            out += "; " + line
    out = _STRAY.sub("", out)
    out = _SEMI_PAREN.sub(" ", out)
    return tidy(out)


def tidy(text: str) -> str:
    """Joined text without ".;" or doubled spaces: an explanation that lists sentences."""
    text = _STOP_SEMI.sub(r"\1", str(text))
    return " ".join(text.split())
