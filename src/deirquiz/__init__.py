"""deirquiz: Wikipedia articles -> Anki decks and printable quizzes.

Nothing is imported here, so that `deirquiz --help` stays fast; the library lives in the modules:
`article` (load), `extract`, `templating` (questions), `pipeline` (one article's quiz), `run`
(files for many articles) and `writers`.
"""

__version__ = "0.2.0"
