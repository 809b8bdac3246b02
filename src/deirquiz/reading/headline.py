"""An infobox point told as a headline, in the present ('Napoleon abdicates on 22 June 1815'),
retold in the past as a card tells it ('Napoleon abdicated on _____')."""

from __future__ import annotations

import re

from ..lexicon import lexicon

_WORD = re.compile(r"[A-Za-z]+")
# a name whose head is a body of people reads with "the": "Syrian Army captured ..."
_BODIES = re.compile(r"^(?:[A-Z][\w'’-]*\s+)+(?:Army|Forces|Navy|Corps|Division|Government)\b")


def in_past(text: str, body: str = "") -> str | None:
    """The text with the first headline verb of each of its parts ('; ') in the past, and 'The'
    before a body's name that opens it; None when a part has no verb the lexicon knows, since
    then it cannot be told right."""
    parts = re.split(r"(;\s+)", text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)
            continue
        told = _part_in_past(part)
        if told is None:
            return None
        out.append(told)
    return mended("".join(out), body)


def mended(text: str, body: str = "") -> str:
    """A headline told as a sentence: 'was' before a bare participle ('Kara Mustafa Pasha
    executed in Belgrade'), and 'the' before a common noun the headline capitalised only because
    it opens it ('Relief army entered Vienna', where the article writes 'the relief army')."""
    parts = re.split(r"(;\s+)", text)
    said = "".join(p if i % 2 else _passive(p) for i, p in enumerate(parts))
    if _BODIES.match(said) and not re.match(r"(?:The|A|An)\s", said):
        return "The " + said
    m = re.match(r"([A-Z][a-z]+)\b", said)
    if m and m.group(1) not in ("The", "A", "An") and body:
        w = m.group(1)
        common = re.search(rf"\b(?:the|a|an) {w.lower()}\b", body)
        proper = re.search(rf"[a-z,;:]\s+{w}\b", body)  # capitalised inside a sentence
        if common and not proper:
            return f"The {w.lower()}{said[len(w) :]}"
        two = re.match(r"([A-Z][a-z]+ [a-z]+)\b", said)  # "German offensive halted ..."
        if two and re.search(rf"\bthe {re.escape(two.group(1))}\b", body):
            return f"The {said}"
        name = re.match(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)+(?= [a-z])", said)  # "Grande Armée"
        if name:
            n = re.escape(name.group())
            bare = re.search(rf"(?:^|[.!?]\s+|\n){n}\b", body)  # a sentence opens on it
            if not bare and re.search(rf"\b[Tt]he {n}\b", body):
                return f"The {said}"  # the body writes "the Grande Armée", never "Grande Armée"
    return said


_AUXILIARY = {"was", "were", "is", "are", "had", "has", "have", "been", "be", "being"}
_PREPOSITION = {"in", "at", "on", "by", "near", "outside", "off", "after", "during", "for", "to"}


def _passive(part: str) -> str:
    lex = lexicon()
    words = list(_WORD.finditer(part))
    for n, m in enumerate(words):
        w = m.group()
        if w in _AUXILIARY or w in lex.headline_verbs or w in lex.irregular_past:
            return part  # a verb before any participle: told already
        if n == 0 or w not in lex.headline_passives:
            continue
        before = words[n - 1].group()
        after = words[n + 1].group() if n + 1 < len(words) else ""
        if after and after not in _PREPOSITION:
            return part  # "The Syrian Army captured Mayadin": an active verb with its object
        plural = before.endswith("s") and before.lower() == before  # 'troops'
        return part[: m.start()] + ("were " if plural else "was ") + part[m.start() :]
    return part


def _part_in_past(part: str) -> str | None:
    verbs = lexicon().headline_verbs
    words = list(_WORD.finditer(part))
    for n, m in enumerate(words):
        w = m.group()
        if n == 0 or w != w.lower() or w not in verbs:
            continue
        plural = not w.endswith("s") and w not in ("are", "have")
        if plural and not words[n - 1].group().endswith("s"):
            continue  # "armies enter"; not "the fall of", "at the end"
        return part[: m.start()] + verbs[w] + part[m.end() :]
    return None
