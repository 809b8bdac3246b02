"""Hostile input: markup, Anki and Typst syntax in an article come out as text; file names stay
inside the output folder; files are replaced atomically, never a stranger's without --force.

The hostile article is the seed with attacks in its title, its front matter URL, infobox names
and units and body sentences, run through the real command line into every format; each output
is then read as its reader would read it (a browser, a Markdown renderer, Anki, a PDF viewer).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from deirquiz import output, run
from deirquiz.article import slugify
from deirquiz.cli import main
from deirquiz.model import DeirquizError

from .conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_SLUG = "deir-ez-zor-offensive-september-november-2017"

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert`2`>"
HOVER = '<b onmouseover="alert`3`">'
CLOZE = "{{c1::pwned}}"
SOUND = "[sound:boom.mp3]"
TYPST = '#panic("typst ran")'
FORMULAS = ["=cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)"]
GIFT = "~x =y #z {w} a:b %50% -> [html]"
MATHJAX = r"\(\href{https://example.org}{CLICKME}\) \[x^2\]"
MATHJAX_MD = re.sub(r"\\(?=[()\[\]])", r"\\\\", MATHJAX)  # as Markdown writes it: "\\(" is "\("
HOSTILE_TITLE = f"Deir ez-Zor {SCRIPT} offensive {TYPST} (September–November 2017)"
# (text in the seed, what replaces it): each attack where a question will carry it
ATTACKS = [
    ("title: Deir ez-Zor offensive (Septemberâ€“November 2017)\n", f"title: '{HOSTILE_TITLE}'\n"),
    ("author: Wikipedia", 'url: https://example.org/"onmouseover="alert`6`"\nauthor: Wikipedia'),
    ("Decisive Syrian Arab Army victory", f"Decisive Syrian {IMG} Arab Army victory"),
    ("the Battle of Deir ez-Zor and the", f"the Battle of Deir ez-Zor {HOVER} and the"),
    (
        ' Islamic State of Iraq and the Levant"',
        f' Islamic State {CLOZE} of Iraq {SOUND} and the Levant"',
    ),
    ("Syrian government forces completely", f"Syrian government forces {HOVER} completely"),
    ("across the Euphrates River, codenamed", f"across the Euphrates River {SOUND}, codenamed"),
    ("captured two districts and a stadium", "captured two districts {{Front}} and a stadium"),
    ("surprise offensive on Saqr Island", f"surprise offensive on Saqr Island $x^2$ *{TYPST}*"),
    ("Maj. Gen. Issam Zahreddine\n", f"Maj. Gen. Issam {IMG} Zahreddine\n"),
    ("Tha'er Ismail", f"Tha'er {HOVER}Ismail"),
    ("(Baqir Brigade)", "(Baqir {{Front}} Brigade)"),
    ("**Tiger Forces \n", f"**Tiger {CLOZE} Forces \n"),
    ("district of Al-Baghiliyah", f"district of Al-Baghiliyah {SCRIPT}"),
    ("captured Ayyash", f"captured Ayyash {SOUND} {CLOZE}"),
    ("town of Janenah", f"town of Janenah {IMG}"),
    ("Arab Army victory", f"Arab Army {MATHJAX} victory"),
    ("capturing Maadan", f"capturing Maadan {HOVER}x</b> $x^2$ *{TYPST}*"),
    # for the classroom platforms: GIFT's specials (formulas: hostile_formations_text)
    ("secured a perimeter surrounding", f"secured a perimeter {GIFT} surrounding"),
]
# what must reach the reader of every format, as text
SHOWN = [SCRIPT, IMG, HOVER, CLOZE, SOUND, TYPST]


def hostile_formations_text() -> str:
    """Gettysburg with spreadsheet formulas opening the names of the formations its infobox
    lists beside the commanders: they come back as the options of multiple-choice questions."""
    from .conftest import ARTICLES

    text = next(p for p in ARTICLES if p.stem == "battle-of-gettysburg").read_text(encoding="utf-8")
    for corps, formula in zip(("First", "Second", "Third", "Cavalry"), FORMULAS, strict=True):
        assert f"({corps} Corps)" in text or f"({corps} Division)" in text, corps
        text = text.replace(f"({corps} Corps)", f"({formula} {corps} Corps)")
        text = text.replace(f"({corps} Division)", f"({formula} {corps} Division)")
    return text


def hostile_text() -> str:
    text = SEED_TEXT
    for old, new in ATTACKS:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


# --- reading outputs as their readers do ------------------------------------------------------


class Page(HTMLParser):
    """A piece of HTML as a browser builds it: its start tags and the text a reader sees."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.chunks: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.chunks).split())

    def live(self) -> list[str]:
        """Whatever would run or load: script-like tags, on* handlers, javascript: links."""
        found = []
        for tag, attrs in self.tags:
            if tag in ("script", "img", "svg", "iframe", "object", "embed", "audio", "video"):
                found.append(tag)
            found += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]
            found += [
                f"{tag} {k}={v}"
                for k, v in attrs
                if v and re.match(r"\s*(javascript|data|vbscript):", v, re.IGNORECASE)
            ]
        return found


def markdown_to_html(text: str) -> str:
    """CommonMark with raw HTML allowed: the most a Markdown viewer would let through."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).render(text)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    """The hostile article through `deirquiz generate` in every format: name -> file."""
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "hostile.md"
    src.write_text(hostile_text(), encoding="utf-8")
    out = tmp / "out"
    formats = ["apkg", "md", "html", "json", "pdf"]
    args = ["generate", "-q", "--jobs", "1", "--depth", "full", "--count", "all"]
    args += ["--out", str(out), str(src)]
    result = CliRunner().invoke(main, args + [f"--format={f}" for f in formats])
    assert result.exit_code == 0, result.output
    files = {p.suffix[1:]: p for p in out.iterdir() if not p.name.startswith(".")}
    assert sorted(files) == sorted(formats)
    return files


def test_hostile_markdown_renders_as_text(hostile):
    page = Page(markdown_to_html(hostile["md"].read_text(encoding="utf-8")))
    assert page.live() == []
    for attack in SHOWN:
        assert attack in page.text


def test_hostile_html_renders_as_text(hostile):
    page = Page(hostile["html"].read_text(encoding="utf-8"))
    assert page.live() == []
    for attack in SHOWN:
        assert attack in page.text
    assert {tag for tag, _ in page.tags} <= {
        "html", "head", "meta", "title", "style", "body", "header", "main", "section", "footer",
        "h1", "h2", "h3", "p", "ol", "ul", "li", "div", "span", "a", "br", "strong", "em",
        "details", "summary",
    }  # fmt: skip


def test_hostile_json_keeps_the_text_as_written(hostile):
    """JSON is data, not markup: nothing escaped, nothing lost."""
    doc = json.loads(hostile["json"].read_text(encoding="utf-8"))
    assert doc["title"] == HOSTILE_TITLE
    text = json.dumps(doc, ensure_ascii=False)
    for attack in SHOWN:
        assert attack.replace('"', '\\"') in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) not installed")
def test_hostile_pdf_shows_the_text_and_ran_no_typst(hostile):
    """The PDF exists at all: '#panic(...)' in the title would have stopped Typst had it run."""
    shown = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(hostile["pdf"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = " ".join(shown.split())
    for attack in (SCRIPT, TYPST, CLOZE):
        assert attack in flat


# --- the deck, imported into Anki -------------------------------------------------------------


@pytest.fixture(scope="module")
def anki_cards(hostile, tmp_path_factory):
    folder = tmp_path_factory.mktemp("anki")
    col = Collection(str(folder / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(hostile["apkg"]))
        col.import_anki_package(request)
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        yield [(c.render_output(), c.note().items()) for c in cards]
    finally:
        col.close()


def test_every_hostile_card_renders_no_live_tag(anki_cards):
    assert anki_cards
    for out, _ in anki_cards:
        for side in (out.question_text, out.answer_text):
            assert Page(side).live() == [], side


def test_hostile_text_shows_on_the_cards_as_written(anki_cards):
    seen = " ".join(
        Page(side).text for out, _ in anki_cards for side in (out.question_text, out.answer_text)
    )
    for attack in SHOWN:
        assert attack in seen


def test_hostile_anki_syntax_makes_no_cloze_and_plays_no_sound(anki_cards):
    for out, fields in anki_cards:
        assert out.question_av_tags == [] and out.answer_av_tags == []
        for side in (out.question_text, out.answer_text):
            assert "pwned" not in "".join(re.findall(r'class="cloze"[^>]*>([^<]*)', side))
            assert "[anki:" not in side and "{{" not in side
        for _, value in fields:
            assert "[sound:" not in value


class TextRuns(HTMLParser):
    """The runs of text MathJax searches for delimiters: every element ends one."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.runs = [""]
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "wbr"):  # MathJax's includeHtmlTags: part of the run
            self.runs.append("")

    def handle_endtag(self, tag):
        self.runs.append("")

    def handle_data(self, data):
        self.runs[-1] += data


def test_hostile_mathjax_is_text_on_the_cards(anki_cards):
    """Anki typesets \\(…\\) and \\[…\\] on the card's text: \\href would make a link."""
    sides = [side for out, _ in anki_cards for side in (out.question_text, out.answer_text)]
    assert any("CLICKME" in Page(side).text for side in sides)
    for side in sides:
        for run_ in TextRuns(side).runs:
            assert not re.search(r"\\[(\[)\]]", run_), run_
    assert any(MATHJAX in Page(side).text for side in sides)  # and it reads as written


# --- file names from titles -------------------------------------------------------------------

TITLES = [
    "../../etc/x",
    "/etc/passwd",
    "C:\\Windows\\system32",
    "CON",
    "nul",
    "com1",
    "LPT9",
    "..",
    ".",
    "x" * 500,
    "Deir " * 100,
    "🇷🇺🇮🇷",
    "معركة دير الزور",
    "\u202eexe.md",
]
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED = re.compile(r"con|prn|aux|nul|com[0-9]|lpt[0-9]")


def check_slug(slug: str, tmp: Path) -> None:
    assert SLUG.fullmatch(slug), slug
    assert len(slug) <= 60
    assert not RESERVED.fullmatch(slug)
    for suffix in (".apkg", "-v26-key.html"):
        assert output.safe_path(tmp, slug + suffix).parent == tmp


@pytest.mark.parametrize("title", TITLES, ids=[repr(t[:20]) for t in TITLES])
def test_any_title_gives_a_short_safe_name(title, tmp_path):
    check_slug(slugify(title), tmp_path)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(title=st.text())
def test_every_title_gives_a_short_safe_name(title):
    check_slug(slugify(title), Path("/out"))


def test_titles_without_latin_letters_do_not_share_a_name():
    assert slugify("معركة دير الزور") != slugify("Битва") != slugify("🇷🇺🇮🇷")


@pytest.mark.parametrize(
    "name",
    [
        "",
        ".",
        "..",
        "../x.md",
        "a/b.md",
        "a\\b.md",
        "C:x.md",
        "con.md",
        "NUL.apkg",
        "com1",
        "x\x00.md",
        "x" * 300 + ".md",
    ],
)
def test_unsafe_names_are_refused(name, tmp_path):
    with pytest.raises(DeirquizError, match="unsafe output file name"):
        output.safe_path(tmp_path, name)


def test_hostile_titles_write_only_inside_the_output_folder(tmp_path):
    src = tmp_path / "articles"
    src.mkdir()
    for i, title in enumerate(["../../etc/x", "/etc/passwd", "CON", "x" * 500]):
        text = re.sub(r"(?m)^title: .*$", f"title: '{title}'", SEED_TEXT, count=1)
        (src / f"{i}.md").write_text(text, encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    out = tmp_path / "sub" / "out"
    result = run_cli(["--out", str(out), "--format", "md", str(src)])
    assert result.exit_code == 0, result.output
    made = sorted(set(tmp_path.rglob("*")) - set(before))
    assert all(p == out.parent or p.is_relative_to(out) for p in made)
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        ".deirquiz-manifest",
        "article-con.md",
        "etc-passwd.md",
        "etc-x.md",
        slugify("x" * 500) + ".md",
    ]
    assert len(slugify("x" * 500)) <= 60


# --- atomic, render-then-write output --------------------------------------------------------


def run_cli(args: list[str]):
    return CliRunner().invoke(main, ["generate", "-q", "--jobs", "1", *args])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp")) + sorted(
        p.name for p in folder.rglob(".*.bak")
    )


def recorded(folder: Path) -> dict[str, str]:
    """name -> digest, as the manifest records it."""
    doc = json.loads((folder / ".deirquiz-manifest").read_text(encoding="utf-8"))
    return {name: e["sha256"] for name, e in doc["files"].items()}


@pytest.fixture
def out(tmp_path) -> Path:
    """An output folder after one run of the seed (apkg and md)."""
    folder = tmp_path / "decks"
    assert run_cli(["--out", str(folder)]).exit_code == 0
    return folder


def test_a_strangers_file_is_kept_without_force(tmp_path):
    folder = tmp_path / "decks"
    folder.mkdir()
    mine = folder / f"{SEED_SLUG}.md"
    mine.write_text("my own quiz", encoding="utf-8")
    result = run_cli(["--out", str(folder)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {mine}: exists and was not written by deirquiz (use --force to replace it)\n"
    )
    assert snapshot(folder) == {mine.name: b"my own quiz"}


def test_force_replaces_a_strangers_file_and_records_it(tmp_path):
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / f"{SEED_SLUG}.md").write_text("my own quiz", encoding="utf-8")
    assert run_cli(["--out", str(folder), "--force"]).exit_code == 0
    manifest = recorded(folder)
    for name in (f"{SEED_SLUG}.md", f"{SEED_SLUG}.apkg"):
        assert manifest[name] == hashlib.sha256((folder / name).read_bytes()).hexdigest()


def test_our_own_files_are_replaced_without_force(out):
    before = snapshot(out)
    result = run_cli(["--out", str(out), "--format", "md", "--title", "Unit 4 check"])
    assert result.exit_code == 0, result.output
    assert snapshot(out)[f"{SEED_SLUG}.md"] != before[f"{SEED_SLUG}.md"]


def test_our_file_edited_by_the_user_is_kept_without_force(out):
    quiz = out / f"{SEED_SLUG}.md"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\nMy note.\n", encoding="utf-8")
    before = snapshot(out)
    result = run_cli(["--out", str(out)])
    assert result.exit_code == 1
    assert "was not written by deirquiz" in result.stderr
    assert snapshot(out) == before


def test_every_file_goes_through_a_temporary_file_in_the_same_folder(out, monkeypatch):
    renames = []
    real = output.os.replace

    def spy(src, dst):
        renames.append((Path(src), Path(dst)))
        real(src, dst)

    monkeypatch.setattr(output.os, "replace", spy)
    assert run_cli(["--out", str(out), "--format", "md", "--format", "apkg"]).exit_code == 0
    targets = {dst.name for _, dst in renames}
    assert {f"{SEED_SLUG}.md", f"{SEED_SLUG}.apkg", ".deirquiz-manifest"} <= targets
    for src, dst in renames:
        assert src.parent == dst.parent
        assert src.name.startswith(".") and src.name.endswith(".tmp")
    assert temporaries(out) == []


def test_a_failing_apkg_leaves_the_folder_as_it_was(out, monkeypatch):
    """The .apkg is rendered last: the Markdown before it must not be replaced."""
    from deirquiz.writers import anki

    def broken(quizzes, **kw):
        raise DeirquizError("the .apkg", "cannot make the Anki package: out of memory")

    monkeypatch.setattr(anki, "render_apkg", broken)
    before = snapshot(out)
    result = run_cli(["--out", str(out), "--format", "md", "--format", "apkg", "--count", "5"])
    assert result.exit_code == 1
    assert "out of memory" in result.stderr and "Traceback" not in result.output
    assert snapshot(out) == before
    assert temporaries(out) == []


def test_a_failing_render_leaves_the_folder_as_it_was(out, monkeypatch):
    from deirquiz.writers import webpage as html

    def broken(*args, **kw):
        raise DeirquizError("html", "cannot render")

    monkeypatch.setattr(html, "render", broken)
    before = snapshot(out)
    args = ["--out", str(out), "--format", "md", "--format", "html", "--format", "apkg"]
    result = run_cli(args)
    assert result.exit_code == 1
    assert result.stderr == "Error: html: cannot render\n"
    assert snapshot(out) == before


def test_a_failure_between_renames_leaves_no_temporary_file(out, monkeypatch):
    calls = []
    real = run.os.replace

    def full_disk(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(src, dst)

    before = snapshot(out)
    monkeypatch.setattr(run.os, "replace", full_disk)
    result = run_cli(["--out", str(out), "--format", "md", "--format", "apkg", "--count", "5"])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.stderr.endswith(": cannot be written (No space left on device)\n")
    assert temporaries(out) == []
    assert snapshot(out) == before  # the file renamed first was put back
    manifest = recorded(out)
    for name, digest in manifest.items():  # the manifest records only what is in place
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    assert run_cli(["--out", str(out)]).exit_code == 0  # and the next run accepts the folder


def test_write_atomic_leaves_no_temporary_file_when_it_fails(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(OSError):
        output.write_atomic(tmp_path / "x.md", "text")
    assert list(tmp_path.iterdir()) == []


def test_a_writer_callback_that_fails_leaves_no_temporary_file(tmp_path):
    def broken(path):
        Path(path).write_bytes(b"half")
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        output.stage(tmp_path / "x.apkg", broken)
    assert list(tmp_path.iterdir()) == []


def test_an_output_path_that_is_a_file_is_refused(tmp_path):
    """(The command line refuses it earlier, as a usage error: click's --out is a folder.)"""
    target = tmp_path / "decks"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(DeirquizError, match="the output path is a file, not a folder"):
        run.Output(target).write({"x.md": b"text"})
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_an_output_folder_that_cannot_be_made_is_one_error_line(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run_cli(["--out", str(tmp_path / "file" / "decks")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "cannot be written" in result.stderr and "Traceback" not in result.output


def test_a_folder_in_the_way_is_refused_even_with_force(tmp_path):
    folder = tmp_path / "decks"
    (folder / f"{SEED_SLUG}.md").mkdir(parents=True)
    result = run_cli(["--out", str(folder), "--force"])
    assert result.exit_code == 1
    assert "exists and is not a file" in result.stderr
    assert [p.name for p in folder.iterdir()] == [f"{SEED_SLUG}.md"]


def test_a_symbolic_link_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "decks"
    folder.mkdir()
    link = folder / f"{SEED_SLUG}.md"
    link.symlink_to(secret)
    result = run_cli(["--out", str(folder), "--format", "md"])
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr
    assert run_cli(["--out", str(folder), "--format", "md", "--force"]).exit_code == 0
    assert secret.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# Deir")
