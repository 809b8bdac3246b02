"""The statement a date governs: the clause of its sentence, without the date phrase, when that
clause can stand alone ("On 15 September, X, and a day later, Y" -> "Y." for "a day later")."""

from __future__ import annotations

import re

from .mention import Mention

_SUBORDINATE = re.compile(
    r"^(?:after|before|while|when|as|following|although|though|despite|since|until|because|"
    r"whose|which|who|where)\b",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r";\s+|:\s+(?=[A-Z])|,\s+(?:and|while|but|whereas)\s+")
_TRAILING = re.compile(r",\s+(?:after|before|while|when|as)\s+")
_JOIN = re.compile(r"\s*(?:and|then|also|but)\s*", re.I)
_SPACES = re.compile(r"\s{2,}")
_SPACE_COMMA = re.compile(r"\s+,")
_STARTS = re.compile(r"[\"“A-Za-z0-9]")
_OPENERS = re.compile(r"^(?:however|meanwhile|also|then|later|subsequently),?\s+", re.IGNORECASE)


def clause(sentence: str, mention: Mention, all_mentions: list[Mention]) -> str | None:
    """The statement the mention dates, without its date phrase, when it can stand alone."""
    starts = {x.start for x in all_mentions}
    # a separator splits clauses only where the next clause carries a date of its own
    seps = [
        s
        for s in _SEPARATORS.finditer(sentence)
        if s.group()[0] in ";:" or any(0 <= st - s.end() <= 12 for st in starts)
    ]
    seg_start = max([0, *(s.end() for s in seps if s.end() <= mention.start)])
    ends = [
        s.start() for s in seps if s.start() >= mention.end + (0 if s.group()[0] in ";:" else 2)
    ]
    seg_end = min(ends) if ends else len(sentence)
    later = [x for x in all_mentions if mention.end <= x.start < seg_end]
    if later:  # "..., after taking the stadium on the previous day": stop before that clause
        cut = [t.start() for t in _TRAILING.finditer(sentence, mention.end, later[0].start)]
        if not cut:
            return None
        seg_end = cut[-1]
    if any(seg_start <= x.start < mention.start for x in all_mentions):
        return None
    segment = sentence[seg_start:seg_end]
    lead = segment[: mention.start - seg_start]
    rest = segment[mention.end - seg_start :]
    if not lead.strip(" ,") or _JOIN.fullmatch(lead):
        text = rest
    elif not rest.strip(" .,;:") and not _SUBORDINATE.match(lead.strip()):
        text = lead
    else:
        return None
    text = _OPENERS.sub("", text.strip(" ,;:"))
    text = _SPACE_COMMA.sub(",", _SPACES.sub(" ", text))
    if not text or (_SUBORDINATE.match(text) and seg_start > 0):
        return None
    if not _STARTS.match(text):
        return None
    text = text[0].upper() + text[1:]
    if not text.endswith((".", "!", "?")) and not text.endswith(('."', '."', ".”", "!”", "?”")):
        text += "."
    return text
