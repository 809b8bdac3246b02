"""Whether a sentence can stand on a card alone, read months later away from its article.

A sentence qualifies when every thing it points at is named in it: no leading pronoun or "this",
no "the garrison" or "the building" that only the sentence before explains, no "also" or "the
other". What can be mended is mended (an opener like "However," dropped, an acronym spelled out
once, "the town" named as the article's own town); anything else rules the sentence out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import lexicon
from .context import Context

MAX_WORDS = 50
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_AIMED = {"on", "at", "from", "against", "across", "towards", "toward", "into", "near"}
_FUNCTION = {
    "of", "in", "on", "at", "to", "from", "by", "with", "and", "or", "but", "for", "as", "into",
    "onto", "towards", "toward", "near", "across", "along", "through", "under", "over", "after",
    "before", "during", "while", "which", "who", "that", "where", "when", "was", "were", "is",
    "are", "had", "has", "have", "been", "being", "be", "than", "until", "against", "around",
    "behind", "beneath", "below", "above", "between", "beyond", "without", "within", "upon",
    "whose", "whom", "if", "so", "not", "could", "would", "should", "did", "do", "does", "it",
    "they", "he", "she", "its", "their", "his", "her", "the", "a", "an", "throughout", "despite",
    "among", "amid", "via", "per", "off", "out", "up", "down", "about", "since", "because",
    "though", "although", "whether", "then", "there", "here",
}  # fmt: skip
_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}  # fmt: skip
_OPENING_WORDS = {"on", "at", "in", "the", "by", "after", "before", "during", "when", "while",
                  "as", "early", "late", "shortly", "about", "around", "between", "from", "a",
                  "an", "with", "under", "although", "though", "despite", "following"}  # fmt: skip
_RELATIVE_LEFT = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few|half an?)\s+"
    r"(?:days?|hours?|weeks?|months?|minutes?|nights?)\s+(?:later|earlier|after|before|afterwards)"
    r"|(?:the|that)\s+(?:next|following|previous|preceding|same)\s+\w+)\b",
    re.IGNORECASE,
)


# "In the south, the Voronezh Front ...": a direction of what the sentence before named
# "the French advance guard reached it.", "Percy carried it, with two eagles, to London": the
# thing is named in the sentence before; "much of it", "when it ran out" stand on their own
_OBJECT_IT = re.compile(r"(?<!\bof )\b(?:it|them)(?=\s*[.,;:!?])")
# "the submarines attacked it in the Palawan Passage": a thing named before the sentence,
# unless an earlier clause of it names one ("gave up Osaka Castle, and Ieyasu entered it")
_OBJECT_IT_ON = re.compile(
    r"\b[a-z]+ed\s+(?:it|them)\s+(?:in|at|on|near|off|from|into|across|along|with)\b"
)
# "Rall himself was mortally wounded": he, after the others the text has just told of
_EMPHATIC = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:himself|herself|itself|themselves)\b")
_THE_WAR = re.compile(r"\b[Tt]he war\b(?!\s+(?:of|in|against|with)\b|['’])")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|where|which)\s|;\s")


def _object_it(text: str) -> bool:
    if _OBJECT_IT.search(text):
        return True
    m = _OBJECT_IT_ON.search(text)
    return bool(m and not _CLAUSE_JOIN.search(text[: m.start()]))


_WHERE_OF_WHAT = re.compile(
    r"(?:In|On|To|From)\s+the\s+(?:(?:far|extreme)\s+)?(?:north|south|east|west|north-east|"
    r"north-west|south-east|south-west|northeast|northwest|southeast|southwest)\b(?!\s+of\b)"
)
_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}([^*\n]+?)\*{1,2}(?![\w*])")


@dataclass(frozen=True)
class Verdict:
    text: str | None  # the sentence as a card shows it, or None
    reason: str = ""


def _drop_openers(text: str) -> str:
    lex = lexicon()
    changed = True
    while changed:
        changed = False
        low = text.lower()
        for opener in lex.droppable_openers:
            if low.startswith(opener) and re.match(r"[,\s]", low[len(opener) : len(opener) + 1]):
                rest = text[len(opener) :].lstrip(" ,")
                if rest:
                    text = rest[0].upper() + rest[1:]
                    changed = True
                break
    return _ASIDE.sub("", text)  # "Sherman, meanwhile, drove Johnston out": of another matter


_ASIDE = re.compile(r",\s+(?:meanwhile|in the meantime|for (?:his|her|its|their) part),(?=\s)")


def _spell_out(text: str, acronyms: dict[str, str]) -> str:
    """Each acronym the article spells out, spelled out once: 'the SDF' -> 'the Syrian
    Democratic Forces (SDF)'."""
    for short, full in acronyms.items():
        if full in text:
            continue
        m = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w])", text)
        if not m:
            continue
        the = "" if full.lower().startswith("the ") else "the "
        if text[m.end() : m.end() + 2] in ("’s", "'s"):
            text = _of_form(text, m.start(), m.end() + 2, f"{the}{full} ({short})", the + full)
        else:  # "the Islamic State of Iraq and the Levant (ISIL)-controlled half"
            text = f"{text[: m.start()]}{full} ({short}){text[m.end() :]}"
    return text


def _of_form(text: str, start: int, end: int, named: str, plain: str) -> str:
    """', ISIL's new de facto capital city,' -> ', the new de facto capital city of the Islamic
    State of Iraq and the Levant (ISIL),': an appositive possessive spelled out reads only this way
    round; any other keeps its possessive ('the Islamic State of Iraq and the Levant's leader')."""
    after = re.match(r"((?:\s*[a-z][\w-]*){1,6}),", text[end:])
    if (
        after is None
        or not text[:start].endswith(", ")
        or any(w in _FUNCTION for w in after.group(1).split())
    ):
        lead = plain if start else plain[:1].upper() + plain[1:]
        return f"{text[:start]}{lead}’s{text[end:]}"
    head = after.group(1).strip()
    return f"{text[:start]}the {head} of {named}{text[end + len(after.group(1)) :]}"


def _name_subject_place(text: str, ctx: Context) -> str:
    """'the town' -> 'the town of Gettysburg' where the article's own place is a town; in a
    siege, 'the British garrison' -> 'the British garrison of Yorktown'."""
    s = ctx.subject
    if not s.place or s.place in text:
        return text
    if s.kind == "siege":
        text = _GARRISON.sub(rf"\g<0> of {s.place}", text, count=1)
    if not s.place_noun or s.place in text:
        return text
    text = re.sub(rf"\bthe {s.place_noun}['’]s\b", f"{s.place}’s", text, count=1)
    # "the city fell", "the city, ...": the article's own; "the city stadium" is another thing
    return re.sub(
        rf"\bthe {s.place_noun}\b(?!\s+of\b)(?=[.,;:]|$|\s+(?:{'|'.join(sorted(_FUNCTION))})\b|\s+[a-z]+ed\b)",
        f"the {s.place_noun} of {s.place}",
        text,
        count=1,
    )


def _one_of_them(text: str, ctx: Context) -> str:
    """'The first battle, at Freeman's Farm' of an article on the Battles of Saratoga: 'The
    first of the Battles of Saratoga'."""
    kind = ctx.subject.kind
    if not kind.endswith("s"):
        return text
    one = kind[:-1]
    return re.sub(
        rf"\b([Tt])he (first|second|third|fourth|last) {one}\b(?! of\b)",
        lambda m: f"{m.group(1)}he {m.group(2)} of {ctx.subject.name}",
        text,
        count=1,
    )


# "the garrison", "the British garrison", "the town's defenders": the besieged place's own
_GARRISON = re.compile(r"\b[Tt]he (?:[A-Z][\w-]+ )?(?:garrison|defenders)\b(?!\s+of\b|['’])")


def after_the_subject(text: str, ctx: Context) -> str:
    """'After the Battle of Sekigahara, Mōri Terumoto gave up Osaka Castle without a fight': a
    statement of the Aftermath, tied to the subject its section tied it to."""
    first = text.split(" ", 1)[0].rstrip(",")
    common = first in ("The", "A", "An") or first.lower() in _OPENING_WORDS | {"soon", "then"}
    if not common and first[:1].isupper() and first.replace("-", "").isalpha():  # "Mopping-up"
        common = _common_word(first, ctx.body)
    text = text[:1].lower() + text[1:] if common else text
    return f"After {ctx.subject.name}, {text}"


OPENING_WORDS = frozenset(_OPENING_WORDS)


@lru_cache(maxsize=2048)
def _common_word(first: str, body: str) -> bool:
    """The body writes the word in lower case, and never capitalised inside a sentence."""
    low = first.lower()
    return bool(re.search(rf"\b{low}\b", body)) and not re.search(
        rf"[a-z,;] {re.escape(first)}\b", body
    )


def _about_the_subject(sentence: str, ctx: Context) -> bool:
    """A lead sentence whose subject is the article's: 'The Battle of Hastings was fought',
    'Blenheim was the first great defeat', 'The battle opened'."""
    s = ctx.subject
    names = [s.name[:1].upper() + s.name[1:], s.name.removeprefix("the ")]
    names += [f"The {s.kind}"] if s.kind else []
    names += [f"{s.place} was", f"{s.place} is"] if s.place else []
    return sentence.startswith(tuple(names))


def the_subject_named(sentence: str, previous: str, ctx: Context) -> str:
    """In the lead, what the sentence says of the subject, said by its name: 'It opened the
    Norman conquest of England' after 'The Battle of Hastings was fought ...' -> 'The Battle of
    Hastings opened ...'; 'The battle ended Lee's invasion' -> 'The Battle of Antietam ended ...';
    'The defeat knocked Austria out of the war' -> 'The defeat at Austerlitz knocked ...'."""
    s = ctx.subject
    name = s.name[:1].upper() + s.name[1:]
    m = re.match(r"It\s+(?=[a-z])", sentence)
    if m and _about_the_subject(previous, ctx):
        return name + " " + sentence[m.end() :]
    if s.kind and re.match(rf"The {re.escape(s.kind)}\s+[a-z]", sentence):
        return name + sentence[len(f"The {s.kind}") :]
    m = re.match(r"The (victory|defeat)\s+(?=[a-z])", sentence)
    if m and s.place and s.kind == "battle":
        return f"The {m.group(1)} at {s.place} {sentence[m.end() :]}"
    return sentence


def in_its_phase(text: str, heading: str, ctx: Context) -> str:
    """'Lt. Gen. Sir Thomas Picton was shot dead while leading a counter-attack', under the
    heading 'First French infantry attack': 'During the first French infantry attack, Lt. Gen.
    ...', so that the card says when, where the sentence itself does not."""
    heading = re.sub(r"^(?:The|A|An)\s+", "", heading)  # "The attack on the zareba": one "the"
    words = heading.split()
    heads = {w.lower().strip(",") for w in words}
    if not 1 <= len(words) <= 6 or not heads & lexicon().phase_heads or re.search(r"\d", heading):
        return text
    if heads & lexicon().person_nouns:
        return text  # "Capture of the king": would name the answer of a blank by his office
    first = text.split(" ", 1)[0]
    if first.lower().strip(",") in _OPENING_WORDS | {"meanwhile", "then", "later", "soon"}:
        return text  # "At about 18:00, ...": it says when already
    if first in ("The", "A", "An"):
        text = first.lower() + text[len(first) :]
    w0 = words[0]
    if re.search(r"['’]s$", w0):  # "Pickett's Charge"
        phase = heading
    elif re.search(rf"(?<![\w-]){re.escape(w0.lower())}(?![\w-])", ctx.body):
        phase = f"the {w0.lower()}{heading[len(w0) :]}"
    else:
        phase = f"the {heading}"
    return f"During {phase}, {text}"


def _sided(text: str, ctx: Context) -> str:
    """'the Eighth Army attacked the First Army' -> 'the German Eighth Army attacked the Russian
    First Army', where the article gives each its side and the card does not."""
    for formation, named in ctx.sided.items():
        m = re.search(rf"(?<![\w-])(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts) {re.escape(formation)}\b", text)
        if m and named not in text:
            cut = m.start() + m.group().index(formation)
            text = text[:cut] + named + text[cut + len(formation) :]
    for formation, (named, side) in ctx.sided_by_box.items():
        m = re.search(rf"(?<![\w-])[Tt]he {re.escape(formation)}\b(?!['’]|\s+of\b)", text)
        if m and side not in text:
            cut = m.end() - len(formation)
            text = text[:cut] + named + text[m.end() :]
    return text


def war_named(text: str, ctx: Context) -> str:
    """'the war was ended by the Treaty of Portsmouth' -> 'the Russo-Japanese War was ended
    ...': which war, a card read months later does not say. Done to the finished card."""
    if not ctx.war or re.search(r"\b[Ww]ar\b", ctx.subject.name):
        return text
    return _THE_WAR.sub(lambda m: _cap(ctx.war) if m.start() == 0 else ctx.war, text, count=1)


def ruler_numbered(text: str, ctx: Context) -> str:
    """'Francis was taken to Spain' -> 'Francis I was taken to Spain': a ruler the infobox
    numbers is named with his number once on the card, since a first name alone ('Francis',
    'Harold') was borne by many. Done to the finished card, after its people are found."""
    for bare, full in ctx.rulers.items():
        if full in text:
            continue
        m = re.search(rf"(?<![\w-]){re.escape(bare)}(?![\w'’-])(?!\s+(?:[IVX]+\b|[A-Z]))", text)
        if m:
            return text[: m.start()] + full + text[m.end() :]
    return text


def _names_something(tokens: list[str]) -> bool:
    """A person, a side, a place or a formation by name: 'On the night of October 14, two
    columns of about 400 men each attacked simultaneously' says neither whose nor what."""
    skip = _CALENDAR | _OPENING_WORDS
    return any(
        t[:1].isupper() and t.lower() not in skip for i, t in enumerate(tokens) if i > 0
    ) or (bool(tokens) and tokens[0].lower() not in skip and tokens[0][:1].isupper())


def _capitalised(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def _definites_named(tokens: list[str], ctx: Context) -> str:
    """'' when every 'the X' is named; else the first that is not ('the garrison')."""
    lex = lexicon()
    plain = lex.plain_definites | {"ground", "high ground"}
    for i, tok in enumerate(tokens):
        if tok.lower() != "the":
            continue
        j = i + 1
        words: list[str] = []
        while j < len(tokens) and tokens[j][:1].isalpha() and not _capitalised(tokens[j]):
            if tokens[j].lower() in _FUNCTION:
                break
            if words and _finite(tokens[j]):
                break  # "the village withdrew south": the verb ends the noun

            words.append(tokens[j].lower())
            j += 1
        if not words:
            continue  # "the Syrian Army", "the 4th Division", "the" before a number
        if (
            j < len(tokens)
            and _capitalised(tokens[j])
            and tokens[j][:1].isalpha()
            and all(w in lex.modifiers for w in words)
        ):
            continue  # "the newly arrived Vietnamese paratroopers"
        if j + 1 < len(tokens) and tokens[j].lower() == "of":
            nxt = tokens[j + 1]
            if _capitalised(nxt) or nxt.lower() in ("the", "a", "an", "his", "her", "its", "their"):
                continue  # "the town of Gettysburg", "the crest of the ridge" (checked in turn)
        head = words[-1]
        if (
            head in lex.phase_heads
            and j + 1 < len(tokens)
            and tokens[j].lower() in _AIMED
            and _capitalised(tokens[j + 1])
            and tokens[j + 1][:1].isalpha()
        ):
            continue  # "the attack on Scimitar Hill", "the withdrawal from Anzac": named by aim
        if words == [ctx.subject.kind]:
            continue  # "the offensive" of an article on one; not "the army offensive across X"
        if head in plain or " ".join(words) in plain:
            continue
        if head in lex.place_nouns and _named_before(tokens[:i], head):
            continue  # "Hawijat Qati island ... on the island"
        return "the " + " ".join(words)
    return ""


def _finite(word: str) -> bool:
    """A verb in the past, which no noun phrase runs on into ('withdrew', 'attacked')."""
    low = word.lower()
    return low in lexicon().irregular_past or (
        low.endswith("ed") and low not in lexicon().modifiers and len(low) > 4
    )


def _named_before(tokens: list[str], noun: str) -> bool:
    """A capitalised name with this noun earlier in the sentence: 'Saqr Island', 'the town of
    Janenah', 'Gettysburg, a town'."""
    for k, tok in enumerate(tokens):
        if tok.lower() != noun:
            continue
        before = tokens[k - 1] if k else ""
        after = tokens[k + 2] if k + 2 < len(tokens) and tokens[k + 1] == "of" else ""
        if before[:1].isupper() or after[:1].isupper():
            return True
    return False


def leading_pronoun(text: str, known: frozenset[str]) -> str:
    """The pronoun a text uses before it names anyone, or ''."""
    return _pronoun_without_name(_TOKEN.findall(text), known)


def _pronoun_without_name(tokens: list[str], known: frozenset[str]) -> str:
    """A pronoun before any name: the first word counts as a name only where the article names
    someone or something so ('Blücher, who was 72, ... his fallen horse'), since every sentence
    starts with a capital ('Many of them')."""
    pronouns = lexicon().pronouns
    named = False
    skip = _OPENING_WORDS | _CALENDAR | lexicon().leaning_starts
    for i, tok in enumerate(tokens):
        if tok.lower() in pronouns and not named:
            return tok
        if tok[:1].isupper() and tok.lower() not in skip and (i > 0 or tok in known):
            named = True
    return ""


def stand_alone(sentence: str, ctx: Context) -> Verdict:
    """The sentence mended to stand alone, or None with the reason it cannot."""
    lex = lexicon()
    text = _EMPHASIS.sub(r"\1", _drop_openers(sentence.strip()))  # "*Sōryū*": a ship, no stars
    if not text or (not text[:1].isupper() and not text[:1].isdigit()):
        return Verdict(None, "does not start a sentence")
    if text.rstrip().endswith(":"):
        return Verdict(None, "what it introduces is not on the card")  # "Churchill said:"
    tokens = _TOKEN.findall(text)
    words = [t for t in tokens if t[:1].isalnum()]
    if len(words) > MAX_WORDS:
        return Verdict(None, "too long for a card")
    first = tokens[0].lower()
    two = " ".join(t.lower() for t in tokens[:2])
    if first in lex.leaning_starts or two in lex.leaning_starts:
        return Verdict(None, f"starts with '{tokens[0]}'")
    if _EMPHATIC.match(text):
        return Verdict(None, "'himself' sets him against others told before")
    if _WHERE_OF_WHAT.match(text):
        return Verdict(None, "'in the south' of what?")
    leaning = next((t for t in tokens if t.lower() in lex.leaning_words), "")
    if leaning:
        return Verdict(None, f"'{leaning}' points outside the sentence")
    if _RELATIVE_LEFT.search(text):
        return Verdict(None, "a relative date is left")
    if _object_it(text):
        return Verdict(None, "'it' at the end of a clause points at a thing named before")
    if not _names_something(tokens):
        return Verdict(None, "names no one and nothing")
    pronoun = _pronoun_without_name(tokens, ctx.known)
    if pronoun:
        return Verdict(None, f"'{pronoun}' before any name")
    text = _name_subject_place(text, ctx)
    text = _one_of_them(text, ctx)
    tokens = _TOKEN.findall(text)
    unnamed = _definites_named(tokens, ctx)
    if unnamed:
        return Verdict(None, f"'{unnamed}' is not named")
    if text.count("(") != text.count(")") or text.count("“") != text.count("”"):
        return Verdict(None, "unbalanced brackets or quotes")
    if text.count('"') % 2:
        return Verdict(None, "unbalanced quotes")
    text = _spell_out(text, ctx.acronyms)
    text = _sided(text, ctx)
    if not text.endswith((".", "!", "?", ".”", '."', "!”", "?”")):
        text += "."
    return Verdict(text)
