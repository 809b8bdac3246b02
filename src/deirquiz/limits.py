"""How much of an article is read: caps far above any real article, so that a made-up one
(20,000 commanders, an order of battle 2,000 levels deep, a sentence of 100,000 dates) still
finishes in seconds. What lies past a cap is not read; the README lists them.

The real articles we have give at most 40 dated statements (10,000 characters of sentences), 17
commanders, 22 formations four levels deep, 9 combatants, 3 result points and sentences of 400
characters. What costs most at the caps is the PDF, whose time grows with the text it sets.
"""

from __future__ import annotations

SENTENCE_CHARS = 1_000  # a longer "sentence" (a list run together) gives no dated statement
EVENTS = 300  # dated statements: the first 300 in reading order,
EVENT_CHARS = 60_000  # and no more once their sentences hold this many characters
RESULT_POINTS = 50  # the infobox result's dated bullet points
COMMANDERS = 150  # per article, in the infobox's order
COMBATANTS = 60
UNITS = 300
UNIT_DEPTH = 8  # levels of the order of battle: deeper lines are not read
FIGURE_LINES = 100  # casualty lines, and strength lines
