"""Command line: parse options, call the library, print a summary. No logic a test would want."""

from __future__ import annotations

import sys
from pathlib import Path

import click

# Copies of the shipped topics (templates/00-topics.yaml), questions.TYPES and run.FORMATS, so
# that --help imports nothing heavy (a test checks that they agree)
TOPICS = ("overview", "combatants", "commanders", "units", "casualties", "strength", "timeline",
          "places")  # fmt: skip
TYPES = ("basic", "mcq", "cloze", "truefalse", "order")
FORMATS = ("apkg", "md", "json", "html", "pdf",
           "moodle", "gift", "qti", "kahoot", "quizlet", "blooket", "anki-csv")  # fmt: skip


class _Count(click.ParamType):
    """A number of questions (at least 1), or 'all'."""

    name = "count"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or value == "all":
            return value
        try:
            n = int(value)
        except ValueError:
            self.fail(f"{value!r} is neither a number nor 'all'", param, ctx)
        if n < 1:
            self.fail(f"{n} is not a number of questions (at least 1)", param, ctx)
        return n


class _Fail(click.ClickException):
    """Our one-line error: 'Error: <where>: <what>' on stderr, exit code 1."""

    def show(self, file=None) -> None:
        # one line, and no escape sequence from a hostile file name reaches the terminal
        click.echo(f"Error: {_printable(self.message)}", err=True)


def _printable(text: str) -> str:
    """One line of printable text: a file name may hold newlines or terminal escapes."""
    return "".join(c if c.isprintable() else " " for c in text)


def _shown(text: str) -> str:
    """Text for the terminal: its lines kept, no control character from an article or a file
    name (an escape sequence could drive the terminal)."""
    return "\n".join(_printable(line) for line in text.split("\n"))


def _report_skipped(skipped, exit_now: bool = True) -> None:
    for err in skipped:
        click.echo(f"Error: {_printable(str(err))} (skipped)", err=True)
    if skipped and exit_now:
        sys.exit(1)


def _sources(source: tuple[str, ...]) -> list[str]:
    if source:
        return list(source)
    from .article import bundled_seed

    return [str(bundled_seed())]


def _named(path) -> str:
    """An article as the user knows it: the bundled seed by its name, not its place inside the
    installed package."""
    from .article import bundled_seed

    if Path(path) == bundled_seed():
        return f"{bundled_seed().name} (the bundled seed article)"
    return str(path)


def _warn_templates(template_files: tuple[str, ...]) -> None:
    """A template of the user's that can never make a question says so, instead of giving none
    without a word."""
    from .questions.lint import never_asked

    for where, why in never_asked(template_files):
        click.echo(_printable(f"Warning: {where}: {why}"), err=True)


def _guard(fn):
    """Turn our own error type into a one-line message; anything else is a bug and stays loud."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from .model import DeirquizError

        try:
            return fn(*args, **kwargs)
        except DeirquizError as e:
            raise _Fail(str(e).replace("\n", " ")) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="deirquiz")
def main() -> None:
    """Turn Wikipedia articles (wikitext, Special:Export XML, or a converter's Markdown) into
    Anki decks and quizzes.

    SOURCE is one or more article files (.md) or folders of them; with none, every command
    works on the bundled seed article (the Deir ez-Zor offensive, 2017). Try:

      deirquiz generate --out my-quizzes
    """


@main.command(short_help="Show the facts and dated events read from each article.")
@click.argument("source", nargs=-1, type=click.Path())
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON document instead of a summary."
)
@_guard
def extract(source: tuple[str, ...], as_json: bool) -> None:
    """Show the facts and dated events read from each article.

    SOURCE: article files (.md) or folders of them (default: the bundled seed article).
    """
    from .article import find_articles
    from .extraction import extract_file
    from .pipeline import each_article
    from .summary import extraction_json, extraction_text

    extractions, skipped = each_article(find_articles(_sources(source)), extract_file)
    if as_json:
        click.echo(extraction_json(extractions))
    else:
        for x in extractions:
            click.echo(_shown(extraction_text(x)))
    _report_skipped(skipped)


@main.command(short_help="List the topics and how many questions each yields.")
@click.argument("source", nargs=-1, type=click.Path())
@click.option("--templates", "template_files", multiple=True, type=click.Path(),
              help="Extra template file (YAML); repeatable.")  # fmt: skip
@_guard
def topics(source: tuple[str, ...], template_files: tuple[str, ...]) -> None:
    """List the topics and how many questions each yields (at --depth core).

    SOURCE: article files (.md) or folders of them (default: the bundled seed article).
    """
    from .article import find_articles
    from .pipeline import each_article, topic_counts
    from .questions import load_templates

    tset = load_templates(template_files)
    _warn_templates(template_files)
    paths = find_articles(_sources(source))
    done, skipped = each_article(paths, lambda p: (p, topic_counts(p, tset)))
    for path, counts in done:
        click.echo(f"{_printable(_named(path))}:")
        for topic, n in counts.items():
            click.echo(_printable(f"  {topic:<12} {n:>4}  {tset.topics.get(topic, topic)}"))
    _report_skipped(skipped)


@main.command(short_help="Write Anki decks, printable quizzes and classroom files.")
@click.argument("source", nargs=-1, type=click.Path())
@click.option("--topic", "topics_", multiple=True, metavar="TOPIC",
              help=f"Only this topic: {', '.join(TOPICS)} (or one of your --templates); "
                   "repeatable (default: all). 'deirquiz topics' counts them.")  # fmt: skip
@click.option("--type", "types_", multiple=True, type=click.Choice(TYPES),
              help="Only this question type: basic (short answer), mcq (multiple choice), cloze "
                   "(fill the blank), truefalse, order (put events in order); repeatable "
                   "(default: all).")  # fmt: skip
@click.option("--count", type=_Count(), metavar="N|all",
              help="At most N questions in every format (default: the whole deck, and a printed "
                   "lesson of 25); 'all' prints every question too.")  # fmt: skip
@click.option("--depth", type=click.Choice(["core", "full"]), default="core", show_default=True,
              help="core: what a teacher keeps; full: the details too (tagged depth::detail).")  # fmt: skip
@click.option(
    "--seed", type=int, default=None, help="Seed for selection and shuffling (default 2017)."
)
@click.option("--out", "out_dir", type=click.Path(), default="decks",
              show_default=True, help="Output folder.")  # fmt: skip
@click.option("--format", "formats", multiple=True, type=click.Choice([*FORMATS, "all"]),
              help="Output format; repeatable, 'all' for every one (default: apkg and md).")  # fmt: skip
@click.option("--templates", "template_files", multiple=True, type=click.Path(),
              help="Extra template file (YAML) adding or overriding templates by id; repeatable.")  # fmt: skip
@click.option("--combine", is_flag=True, help="Put all articles into one deck and one quiz.")
@click.option("--title", help="Title of the printed quiz (default: the article's).")
@click.option("--answer-key", type=click.Choice(["end", "separate"]), default="end",
              show_default=True, help="Answer key at the end of the quiz, or in its own file.")  # fmt: skip
@click.option("--versions", type=click.IntRange(min=1, max=26), default=1,
              help="Write N shuffled versions of the printable quiz.")  # fmt: skip
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
              help="Paper size of the PDF and of the HTML page's print.")  # fmt: skip
@click.option("--type-in", is_flag=True,
              help="Anki: type the answer of short-answer cards (note type 'deirquiz Basic "
                   "(type in) v1'); choose before your first import.")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace files in the output folder not written by us.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many articles (default: number of cores).")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@click.option("--edits", "edits_file", type=click.Path(),
              help="One article's edits file (default: <out>/<slug>.edits.yaml, if there is one).")  # fmt: skip
@_guard
def generate(source, topics_, types_, count, depth, seed, out_dir, formats, template_files, combine,
             title, answer_key, versions, paper, type_in, force, jobs, quiet, edits_file) -> None:  # fmt: skip
    """Write questions as Anki decks (.apkg), printable quizzes and other formats.

    SOURCE: article files (.md) or folders of them, one deck and quiz each (default: the bundled
    seed article). Files are named after the article, and after what --topic, --type, --count,
    --depth full or --seed chose (battle-of-x-commanders.md), so one name holds one set.
    """
    from .article import find_articles
    from .pipeline import DEFAULT_SEED, Options
    from .questions import load_templates
    from .run import DEFAULT_FORMATS, Layout, default_jobs, generate_files

    tset = load_templates(template_files)
    _warn_templates(template_files)
    tset.check_topics(topics_)
    opts = Options(topics=topics_, types=types_, count=None if count == "all" else count,
                   depth=depth, whole_sheet=count == "all",
                   seed=DEFAULT_SEED if seed is None else seed,
                   edits=edits_file, edits_dir=out_dir)  # fmt: skip
    layout = Layout(title=title, answer_key=answer_key, versions=versions, paper=paper,
                    type_in=type_in)  # fmt: skip
    paths = find_articles(_sources(source))
    _one_edits_file(edits_file, paths)
    formats = FORMATS if "all" in formats else formats
    show_bar = not quiet and len(paths) > 3 and sys.stderr.isatty()
    with click.progressbar(length=len(paths), label="Articles", file=sys.stderr,
                           hidden=not show_bar) as bar:  # fmt: skip
        report = generate_files(
            paths, tset, opts, Path(out_dir), formats or DEFAULT_FORMATS, layout,
            combined=combine, force=force, on_article=lambda: bar.update(1),
            jobs=jobs or default_jobs(), keep_quizzes=False, inputs=template_files,
            on_wait=None if quiet else lambda: click.echo(
                f"Waiting for another deirquiz run to finish in {_printable(out_dir)} ...",
                err=True),
        )  # fmt: skip
    _report_skipped(report.skipped, exit_now=False)
    if not quiet:
        from .summary import generate_summary

        click.echo(_shown(generate_summary(report, opts, tset)))
    if report.skipped:
        sys.exit(1)


def _one_edits_file(edits_file: str | None, paths: list) -> None:
    if edits_file and len(paths) > 1:
        raise _Fail(f"{edits_file}: --edits names one article's edits, and there are "
                    f"{len(paths)} articles (leave it out: each one's are found in --out)")  # fmt: skip


@main.command()
@click.argument("source", nargs=-1, type=click.Path())
@click.option(
    "--topic", "topics_", multiple=True, help="Only this topic; repeatable (default: all)."
)
@click.option("--type", "types_", multiple=True, type=click.Choice(TYPES),
              help="Only this question type; repeatable (default: all).")  # fmt: skip
@click.option("--depth", type=click.Choice(["core", "full"]), default="core", show_default=True,
              help="core: what a teacher keeps; full: the details too.")  # fmt: skip
@click.option(
    "--seed", type=int, default=None, help="Seed for options and shuffling (default 2017)."
)
@click.option("--out", "out_dir", type=click.Path(), default="decks", show_default=True,
              help="Output folder: the edits go to <out>/<slug>.edits.yaml.")  # fmt: skip
@click.option("--edits", "edits_file", type=click.Path(),
              help="One article's edits file, instead of the one in --out.")  # fmt: skip
@click.option("--templates", "template_files", multiple=True, type=click.Path(),
              help="Extra template file (YAML); repeatable.")  # fmt: skip
@click.option("--only-new", is_flag=True, help="Only the questions with no decision yet.")
@_guard
def review(source, topics_, types_, depth, seed, out_dir, edits_file, template_files,
           only_new) -> None:  # fmt: skip
    """Keep, strike or reword an article's questions, one at a time.

    Every decision is saved at once in an edits file beside the outputs, which `generate` then
    applies: struck questions are never written, reworded ones keep their Anki note.
    """
    from .article import find_articles
    from .pipeline import DEFAULT_SEED, Options
    from .questions import load_templates
    from .review import review_articles

    tset = load_templates(template_files)
    tset.check_topics(topics_)
    opts = Options(topics=topics_, types=types_, depth=depth,
                   seed=DEFAULT_SEED if seed is None else seed,
                   edits=edits_file, edits_dir=out_dir)  # fmt: skip
    sources: list[str | Path] = [*_sources(source)]
    paths = find_articles(sources)
    _one_edits_file(edits_file, paths)
    _report_skipped(review_articles(paths, tset, opts, only_new))


if __name__ == "__main__":  # pragma: no cover
    main()
