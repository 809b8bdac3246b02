"""The shipped data files (src/deirquiz/data/*.yaml), each read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]


@cache  # one entry per data file
def load(name: str) -> dict:
    """A shipped file as plain text values: libyaml reads them as the pure-Python BaseLoader
    does, ten times faster."""
    with open(Path(__file__).parent / "data" / name, encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
