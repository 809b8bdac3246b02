"""Real processes: a run killed with SIGKILL at several points, and two runs on one folder at
once, each leave a folder that the next run accepts without --force."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deirquiz import manifest

from .conftest import ARTICLES, SEED

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SMALL = [p for p in ARTICLES if p.name.startswith("2017-")] or [SEED]


def make_articles(folder: Path, n: int, tag: str) -> Path:
    folder.mkdir()
    for i in range(n):
        text = SMALL[i % len(SMALL)].read_text(encoding="utf-8")
        text = re.sub(r"(?m)^title: (.*)$", rf"title: \1 {tag} {i}", text, count=1)
        (folder / f"{i:02d}.md").write_text(text, encoding="utf-8")
    return folder


def command(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "deirquiz", "generate", str(src), "--out", str(out), *extra]


def environment(tmp: Path) -> dict[str, str]:
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp)}  # what the runs leave in a temp folder shows here


def accepted(out: Path) -> None:
    """Every file the manifest records is in place; nothing of a run is left over."""
    doc = json.loads((out / manifest.MANIFEST).read_text(encoding="utf-8"))
    for name, entry in doc["files"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == entry["sha256"], name
    names = [p.name for p in out.iterdir()]
    assert manifest.JOURNAL not in names and manifest.LOCK not in names
    assert not [n for n in names if n.endswith((".tmp", ".bak"))]


def journal_lines(out: Path) -> int:
    try:
        return (out / manifest.JOURNAL).read_bytes().count(b"\n")
    except OSError:
        return 0


def staging(out: Path) -> bool:
    try:
        return any(n.endswith(".tmp") for n in os.listdir(out))
    except OSError:
        return False


# where to kill: at once, while a file is being staged, after 1, 2 and 4 articles' journal lines
STOPS = [
    lambda out: True,
    staging,
    lambda out: journal_lines(out) >= 1,
    lambda out: journal_lines(out) >= 2,
    lambda out: journal_lines(out) >= 4,
]


def test_a_run_killed_at_any_point_leaves_a_folder_the_next_run_accepts(tmp_path):
    src = make_articles(tmp_path / "src", 6, "copy")
    out = tmp_path / "out"
    env = environment(tmp_path / "tmp")
    cmd = command(src, out, "-q", "--jobs", "1")
    for stop in STOPS:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while proc.poll() is None and not stop(out):  # ends when the run does, at the latest
            time.sleep(0.002)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.communicate()
        again = subprocess.run(cmd, env=env, capture_output=True, text=True)
        assert again.returncode == 0, again.stderr
        assert again.stderr == ""
        accepted(out)
    assert len(list(out.glob("*.apkg"))) == 6 and len(list(out.glob("*.md"))) == 6
    assert list((tmp_path / "tmp").iterdir()) == []  # no /tmp/deirquiz-* folder left behind


def test_two_runs_on_one_folder_at_once_lose_nothing(tmp_path):
    one = make_articles(tmp_path / "one", 6, "first")
    two = make_articles(tmp_path / "two", 6, "second")
    out = tmp_path / "out"
    env = environment(tmp_path / "tmp")
    runs = [
        subprocess.Popen(command(src, out, "--jobs", "2", "--format", "md", "--format", "json"),
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for src in (one, two)
    ]  # fmt: skip
    for proc in runs:
        _, err = proc.communicate()
        assert proc.returncode == 0, err
    accepted(out)
    doc = json.loads((out / manifest.MANIFEST).read_text(encoding="utf-8"))
    assert len(doc["files"]) == 24
    both = subprocess.run(command(one, out, "-q", "--format", "md", "--format", "json"),
                          env=env, capture_output=True, text=True)  # fmt: skip
    assert both.returncode == 0, both.stderr


def test_a_run_waits_while_another_holds_the_folder(tmp_path):
    src = make_articles(tmp_path / "src", 1, "copy")
    out = tmp_path / "out"
    out.mkdir()
    env = environment(tmp_path / "tmp")
    held = manifest.FolderLock(out)
    proc = subprocess.Popen(command(src, out, "--format", "md"), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.startswith("Waiting for another deirquiz run to finish in ")
        assert [p.name for p in out.iterdir()] == [manifest.LOCK]  # nothing written meanwhile
    finally:
        held.release()
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert len(list(out.glob("*.md"))) == 1
    accepted(out)
