"""``python -m deirquiz``: the ``deirquiz`` command."""

from deirquiz.cli import main

main(prog_name="deirquiz")
