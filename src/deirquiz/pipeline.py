"""The conductor: load -> extract -> read -> ask -> edit -> select, one article at a time.

Each stage takes one typed value and returns one; none calls a later one or reaches back:

    path --load--> Article --extract--> Extraction --read--> RecordSet
         --questions.generate--> [Question] --edits.apply--> [Question]
         --selection.select--> Quiz --writers--> files

The teacher's edits file is read here, at the edge; edits.apply itself is pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import editsfile
from .article import load, slugify
from .edits import apply
from .extraction import extract
from .model import DeirquizError, Question, Quiz
from .questions import TemplateSet, generate
from .reading import read
from .selection import select

DEFAULT_SEED = 2017
DEPTHS = ("core", "full")


@dataclass(frozen=True)
class Options:
    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    count: int | None = None  # at most N questions, deck and sheet alike
    seed: int = DEFAULT_SEED
    depth: str = "core"  # core: what a teacher keeps; full: the details too
    whole_sheet: bool = False  # print every question of the deck
    edits: str | None = None  # one article's edits file (--edits FILE)
    edits_dir: str | None = None  # else <edits_dir>/<slug>.edits.yaml, where there is one


def questions_for(path: str | Path, tset: TemplateSet, seed: int = DEFAULT_SEED):
    """(article, every question its records give), before any selection."""
    article = load(path)
    return article, generate(read(extract(article)), tset, seed=seed)


def quiz_for(path: str | Path, tset: TemplateSet, opts: Options) -> Quiz:
    """One article's quiz; an article that yields no question is an error, not an empty deck."""
    article, generated = questions_for(path, tset, opts.seed)
    edits = editsfile.for_article(opts.edits, opts.edits_dir, article.slug)
    questions, applied = apply(generated, edits)
    chosen = select(questions, list(tset.topics), only_topics=opts.topics, only_types=opts.types,
                    depth=opts.depth, count=opts.count, whole_sheet=opts.whole_sheet,
                    seed=opts.seed)  # fmt: skip
    if not chosen.deck:
        wanted = ""
        if opts.topics or opts.types:
            wanted = " for " + ", ".join((*opts.topics, *opts.types))
        if applied.struck:
            wanted += f" ({applied.struck} struck in {edits.where})"
        raise DeirquizError(str(path), f"no question could be made{wanted}")
    quiz = _quiz(article.title, article.slug, Path(path).name, article.url, opts.seed,
                 chosen.deck, chosen.sheet, tset)  # fmt: skip
    return replace(quiz, notes=tuple(applied.lines()))


def review_for(path: str | Path, tset: TemplateSet, opts: Options):
    """(article, the deck's questions as generated, struck ones too, in deck order, and the
    edits): what `review` walks through."""
    article, generated = questions_for(path, tset, opts.seed)
    edits = editsfile.for_article(opts.edits, opts.edits_dir, article.slug, new=True)
    chosen = select(generated, list(tset.topics), only_topics=opts.topics,
                    only_types=opts.types, depth=opts.depth, whole_sheet=True, seed=opts.seed)  # fmt: skip
    return article, generated, chosen.deck, edits


def _quiz(title, slug, source, url, seed, deck, sheet, tset, parts=()) -> Quiz:
    topics = tuple(dict.fromkeys(q.topic for q in deck))
    return Quiz(
        title=title,
        slug=slug,
        source=source,
        url=url,
        seed=seed,
        questions=tuple(deck),
        topics=topics,
        parts=tuple(parts),
        headings=tuple((t, tset.topics[t]) for t in topics if t in tset.topics),
        sheet=tuple(q.id for q in sheet),
    )


def each_article(paths: Sequence[Path], make) -> tuple[list, list[DeirquizError]]:
    """make(path) for every article; among many, a bad one is set aside with its error (as
    `generate` skips it), while a single bad article is the error itself."""
    done, skipped = [], []
    for path in paths:
        try:
            done.append(make(path))
        except DeirquizError as e:
            if len(paths) == 1:
                raise
            skipped.append(e)
    return done, skipped


def topic_counts(path: str | Path, tset: TemplateSet, seed: int = DEFAULT_SEED,
                 depth: str = "core") -> dict[str, int]:  # fmt: skip
    _, questions = questions_for(path, tset, seed)
    counts = dict.fromkeys(tset.topics, 0)
    for q in questions:
        if depth == "full" or q.depth == "core":
            counts[q.topic] = counts.get(q.topic, 0) + 1
    return counts


def combine(quizzes: Sequence[Quiz], tset: TemplateSet, opts: Options,
            title: str | None = None) -> Quiz:  # fmt: skip
    """Several articles' quizzes as one deck (a subdeck each) and one printed lesson chosen
    across all of them; ``opts.count`` limits the whole."""
    name = title or " + ".join(q.title for q in quizzes)
    questions: list[Question] = [x for q in quizzes for x in q.questions]
    chosen = select(questions, list(tset.topics), count=opts.count, depth="full",
                    whole_sheet=opts.whole_sheet, seed=opts.seed)  # fmt: skip
    keep = {q.id for q in chosen.deck}
    sheet = {q.id for q in chosen.sheet}
    parts = []
    for q in quizzes:
        own = tuple(x for x in q.questions if x.id in keep)
        if own:
            parts.append(replace(q, questions=own, sheet=tuple(x.id for x in own if x.id in sheet)))
    quiz = _quiz(name, slugify(name), ", ".join(q.source for q in quizzes),
                 quizzes[0].url if len(quizzes) == 1 else None, opts.seed, chosen.deck,
                 chosen.sheet, tset, parts)  # fmt: skip
    return replace(quiz, notes=tuple(n for q in quizzes for n in q.notes))
