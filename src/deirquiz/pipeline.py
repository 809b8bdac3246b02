"""The whole job for one article, and for a list of sources: load, extract, ask, select."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .article import load
from .extract import extract
from .model import DeirquizError, Quiz
from .select import select
from .templating import TemplateSet, generate

DEFAULT_SEED = 2017


@dataclass(frozen=True)
class Options:
    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    count: int | None = None
    seed: int = DEFAULT_SEED


def quiz_for(path: str | Path, tset: TemplateSet, opts: Options) -> Quiz:
    """One article's quiz; an article that yields no question is an error, not an empty deck."""
    article = load(path)
    questions = generate(extract(article), tset, seed=opts.seed)
    chosen = select(
        questions,
        list(tset.topics),
        only_topics=opts.topics,
        only_types=opts.types,
        count=opts.count,
        seed=opts.seed,
    )
    if not chosen:
        wanted = ""
        if opts.topics or opts.types:
            wanted = " for " + ", ".join((*opts.topics, *opts.types))
        raise DeirquizError(str(path), f"no question could be made{wanted}")
    topics = tuple(dict.fromkeys(q.topic for q in chosen))
    return Quiz(
        title=article.title,
        slug=article.slug,
        source=Path(path).name,
        url=article.url,
        seed=opts.seed,
        questions=tuple(chosen),
        topics=topics,
        headings=tuple((t, tset.topics[t]) for t in topics if t in tset.topics),
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


def topic_counts(path: str | Path, tset: TemplateSet, seed: int = DEFAULT_SEED) -> dict[str, int]:
    questions = generate(extract(load(path)), tset, seed=seed)
    counts = dict.fromkeys(tset.topics, 0)
    for q in questions:
        counts[q.topic] = counts.get(q.topic, 0) + 1
    return counts


def combine(quizzes: Sequence[Quiz], title: str | None = None, count: int | None = None) -> Quiz:
    """Several articles' quizzes as one; ``count`` then limits the whole, balanced across topics
    (each article's own quiz was made without it), and the parts keep only what was chosen, so
    the deck and the printed quiz hold the same questions."""
    from dataclasses import replace

    from .article import slugify

    name = title or " + ".join(q.title for q in quizzes)
    topics = tuple(dict.fromkeys(t for q in quizzes for t in q.topics))
    questions = [x for q in quizzes for x in q.questions]
    seed = quizzes[0].seed
    if count is not None:
        questions = select(questions, topics, count=count, seed=seed)
        chosen = {q.id for q in questions}
        parts = [replace(q, questions=tuple(x for x in q.questions if x.id in chosen))
                 for q in quizzes]  # fmt: skip
        quizzes = [q for q in parts if q.questions]
    return Quiz(
        title=name,
        slug=slugify(name),
        source=", ".join(q.source for q in quizzes),
        url=quizzes[0].url if len(quizzes) == 1 else None,
        seed=seed,
        questions=tuple(questions),
        topics=tuple(t for t in topics if any(q.topic == t for q in questions)),
        parts=tuple(quizzes),
        headings=tuple(dict.fromkeys(h for q in quizzes for h in q.headings)),
    )
