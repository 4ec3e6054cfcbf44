"""Template family "E": a third tuning family, written (like D) from real Chinese documents and
not from the held-out family C. It stresses what C-like evidence gets wrong: completer and
member lists in other layouts, dates in signature blocks and under other labels, journal
mastheads and page ranges, and certificate/proof wordings of other issuers. Each module
holds the builders of a few kinds (same signature as the other template modules: `data`,
`fam`, `rng` → `Composer`); a kind without an E builder falls back to family D.
"""

from __future__ import annotations

from samplegen.templates.family_e import dates, lists, members2, publications, training

BUILDERS: dict = {}
for _mod in (lists, dates, publications, training, members2):  # members2 after lists: its project_proof wraps lists'
    BUILDERS.update(_mod.BUILDERS)
