"""Which questions go where: the deck holds every question of the chosen depth, topics and types;
the printed sheet is a lesson of about 25, chosen by salience across topics, that never answers
itself (no fact twice, no sentence twice, no question whose answer another one shows)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Question

SHEET_SIZE = 25


@dataclass(frozen=True)
class Selection:
    deck: list[Question]
    sheet: list[Question]


def _key(seed: int, q: Question) -> str:
    return hashlib.sha1(f"{seed}:{q.id}".encode()).hexdigest()


def _ranked(qs: list[Question], seed: int) -> list[Question]:
    return sorted(qs, key=lambda q: (-q.salience, _key(seed, q)))


def select(
    questions: Sequence[Question],
    topics: Sequence[str],
    *,
    only_topics: Sequence[str] = (),
    only_types: Sequence[str] = (),
    depth: str = "core",
    count: int | None = None,
    whole_sheet: bool = False,
    seed: int = 0,
) -> Selection:
    """The deck and the sheet. ``count`` limits both to the same N questions; ``whole_sheet``
    prints the whole deck. The order never depends on the input's order."""
    order = [t for t in topics if not only_topics or t in only_topics]
    order += sorted({q.topic for q in questions} - set(order) - set(topics))
    wanted = [
        q
        for q in questions
        if q.topic in order
        and (not only_types or q.type in only_types)
        and (depth == "full" or q.depth == "core")
    ]
    wanted = _no_siblings(wanted, seed)
    by_topic = {t: _ranked([q for q in wanted if q.topic == t], seed) for t in order}
    deck = [q for t in order for q in by_topic[t]]
    if whole_sheet and count is None:
        return Selection(deck, deck)
    size = count if count is not None else SHEET_SIZE
    picked = _sheet(by_topic, size)
    sheet = [q for q in deck if q.id in picked]
    return Selection(sheet if count is not None else deck, sheet)


def _no_siblings(questions: list[Question], seed: int) -> list[Question]:
    """No two blanks cut from one sentence about different facts where one card prints the
    other's answer: the two blanks of "ravaged Bavaria ... crossing into Swabia" would each be
    answered on the other card. The lighter goes; of two as weighty, the one that prints the
    other's answer (forward and reverse cards of one fact stay: they answer each
    other by design)."""
    ranked = sorted(  # of two as weighty: the event's day, then the name told first
        (q for q in questions if _story(q)),
        key=lambda q: (-q.salience, not q.template.startswith("event"), _at(q), _key(seed, q)),
    )
    by_sentence: dict[str, list[Question]] = {}
    for q in ranked:
        by_sentence.setdefault(q.source.text, []).append(q)
    gone: set[str] = set()
    for group in (g for g in by_sentence.values() if len(g) > 1):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.id in gone or b.id in gone or a.fact == b.fact:
                    continue
                a_tells, b_tells = _shows(a.prompt, b.answer), _shows(b.prompt, a.answer)
                if b_tells or a_tells:  # the lighter goes; of two as weighty, the one that tells
                    tie = a.salience == b.salience
                    gone.add(a.id if tie and a_tells and not b_tells else b.id)
    return [q for q in questions if q.id not in gone]


def _at(q: Question) -> int:
    """Where the answer stands in its sentence: the main clause's before a later clause's."""
    at = q.source.text.casefold().find(q.answer.casefold())
    return at if at >= 0 else len(q.source.text)


def _shows(prompt: str, answer: str) -> bool:
    return (
        bool(answer) and re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", prompt, re.I) is not None
    )


def _sheet(by_topic: dict[str, list[Question]], size: int) -> set[str]:
    """Round-robin over the topics, each time the weightiest question that is fresh on the sheet;
    when no fresh one is left, none is taken."""
    sheet = _Sheet(_everywhere([q for qs in by_topic.values() for q in qs]))
    queues = {t: list(qs) for t, qs in by_topic.items() if qs}
    picked: set[str] = set()
    while len(picked) < size and queues:
        for t in list(queues):
            if len(picked) >= size:
                break
            q = sheet.take(queues[t])
            if q is None:
                del queues[t]
                continue
            picked.add(q.id)
    return picked


class _Sheet:
    """What the questions chosen so far show, compared as runs of up to GRAM words so that a sheet
    of thousands stays linear."""

    GRAM = 8
    SCAN = 60

    def __init__(self, everywhere: frozenset[str] = frozenset()) -> None:
        self.facts: set[str] = set()
        self.sources: set[str] = set()
        self.shown: set[tuple[str, ...]] = set()
        self.answers: set[tuple[str, ...]] = set()
        self.everywhere = everywhere
        self.shown_words: set[str] = set()
        self.told_words: set[str] = set()  # of the narrative's statements only
        self.answer_names: set[str] = set()
        self.outcome_names: set[str] = set()
        self.result_taken = False
        self.yield_told = False
        self.answer_days: set[tuple[int, int]] = set()
        self.shown_days: set[tuple[int, int]] = set()
        self.row_figures: set[int] = set()  # the rows a figure question is keyed from
        self.shown_figures: set[int] = set()  # the figures prompts and options print

    def take(self, queue: list[Question]) -> Question | None:
        for i, q in enumerate(queue[: self.SCAN]):
            told = q.source.where.startswith("section:")  # a sentence of the narrative
            if q.fact in self.facts or (told and q.source.text in self.sources):
                continue
            runs = _runs(q, self.GRAM)
            if q.type not in ("truefalse", "order") and _answer(q.answer, self.GRAM) in self.shown:
                continue
            if self.answers & runs:
                continue
            words = {w for run in runs for w in run}
            stems = {_stem(w) for w in words}
            names = (
                _names(q.answer) - self.everywhere
                if q.type not in ("truefalse", "order")
                else set()
            )
            days, shown_days = _days(q.answer), _days(" · ".join((q.prompt, *q.options)))
            if days & (self.shown_days | self.answer_days) or shown_days & self.answer_days:
                continue  # "on the night of December 16–17, 1944" beside "When did it begin?";
                # two keyed to one day, or to the first day of the dates asked, tell each other
            row = _figures(q.source.text) if _figure(q) else set()
            shown_figures = _figures(" · ".join((q.prompt, *q.options))) - (
                _figures(q.answer) if _figure(q) else set()
            )
            if row & self.shown_figures or shown_figures & self.row_figures:
                continue  # "losses were 47 killed and 382 wounded" beside "how many? about 430"
            outcome, story = _outcome(q), _story(q) and _turning(words)
            if outcome and names & self.told_words:
                continue  # "Syrian government forces captured the city" tells who won
            if not outcome and (names & self.shown_words or self.answer_names & stems):
                continue  # "Napoleon abdicated" beside "Who commanded the French army?"
            yielded = story and _yielding(words)
            if (yielded and self.result_taken) or (outcome and self.yield_told):
                continue  # "the Russian army withdrew" beside "What was the result?"
            if story and self.outcome_names & stems:
                continue
            queue.pop(i)
            self.facts.add(q.fact)
            self.sources.add(q.source.text)
            self.shown |= runs
            self.shown_words |= stems
            self.answer_days |= days
            self.shown_days |= shown_days
            self.row_figures |= row
            self.shown_figures |= shown_figures
            if story:
                self.told_words |= stems
            self.result_taken |= outcome
            self.yield_told |= bool(yielded)
            if outcome:
                self.outcome_names |= names
            else:
                self.answer_names |= names
            if q.type not in ("truefalse", "order"):
                self.answers.add(_answer(q.answer, self.GRAM))
            return q
        return None


_COUNT = re.compile(
    r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,.])\d{3}(?![\d,.:])"
    r"|(?<![\d,.])\d{2}(?=\s+(?:killed|wounded|dead|men|missing|captured|prisoners)\b)"
)


def _figure(q: Question) -> bool:
    return q.template in ("strength-total", "losses-total", "losses-total-bare", "losses-killed")


def _figures(text: str) -> set[int]:
    """The counts a text gives (47, 382, 25,800), not its years or days."""
    return {int(m.replace(",", "")) for m in _COUNT.findall(text)}


def _days(text: str) -> set[tuple[int, int]]:
    """The days a text names, as (month, day): '16 December', 'December 16–17'."""
    from .dates import days_named

    return set(days_named(text))


def _outcome(q: Question) -> bool:
    """The question of who won: a side's name in another's prompt ('Who commanded the German
    Eighth Army?') gives it away only where the narrative tells what that side did."""
    return q.topic == "overview" and "result" in q.template


def _story(q: Question) -> bool:
    """A question that prints a statement of the narrative, not a question made from a frame."""
    return q.template.split("-")[0] in ("event", "mention")


def _yielding(words: set[str]) -> bool:
    """A side gave up the field ('withdrew', 'surrendered'): the sheet's result, told."""
    from .lexicon import lexicon

    return bool(words & lexicon().yielding_verbs)


def _turning(words: set[str]) -> bool:
    """The statement tells an outcome ('captured the city', 'surrendered'), not a step."""
    from .lexicon import lexicon

    return bool(words & lexicon().turning_verbs)


_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]*")
_NOT_NAMES = {"the", "of", "and", "a", "an", "i", "ii", "iii", "iv", "sir", "duke", "king",
              "general", "major", "lieutenant", "colonel", "marshal", "admiral", "captain",
              "emperor", "operation", "battle", "war", "army", "victory", "decisive",
              "january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "first", "second", "third",
              "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "world",
              "front", "eastern", "western", "northern", "southern", "campaign"}  # fmt: skip


def _names(answer: str) -> set[str]:
    """The name words of an answer ('Napoleon I' -> napoleon; 'Coalition victory' ->
    coalition) that, printed in another question, would give it away: by their stems, so that
    'the Hungarians had ravaged' gives away 'the Hungarian invasions', and with the words for
    the sides that name a war ('the Union Army' gives away 'the American Civil War')."""
    from .lexicon import lexicon

    words = {w.casefold() for w in _NAME_WORD.findall(answer)} - _NOT_NAMES
    for war, sides in lexicon().telling_sides:
        if war.casefold() in answer.casefold():
            words |= {w for side in sides for w in side.split()}
    return {_stem(w) for w in words}


def _stem(word: str) -> str:
    """A word's first six letters: 'Hungarians' and 'Hungarian', 'Napoleonic' and 'Napoleon'."""
    return word[:6]


def _everywhere(questions: list[Question]) -> frozenset[str]:
    """Words in a third or more of the questions, and in four at least ('Syrian' in a deck on a
    Syrian offensive): printing one tells nothing. 'Burgoyne' in three of twelve still does."""
    from collections import Counter

    seen = Counter(w for q in questions for w in {_stem(w) for run in _runs(q, 1) for w in run})
    return frozenset(w for w, n in seen.items() if n * 3 >= len(questions) and n >= 4)


def _runs(q: Question, gram: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", " ".join((q.prompt, *q.options)).casefold())
    return {
        tuple(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(i + gram, len(words)) + 1)
    }


def _answer(text: str, gram: int) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold())[:gram])
