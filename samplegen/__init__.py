"""samplegen — realistic synthetic evidence for cehours, with ground-truth labels.

    from samplegen import generate
    labels = generate(Path("data/raw"), n_claims=30, seed=1, year=2023, families=("A", "B"))

or ``python -m samplegen OUT --claims 30 --seed 1 --year 2023 [--families A,B] [--no-seeds] [--no-bad]``.

Output: ``<out>/<person_id>/<claim_id>/<files>`` (+ a few ``<person_id>/<claim_id>.<ext>``),
``<out>/manifest.csv`` and ``<out>/labels.json`` with

* ``generator`` — version, seed, families, year, options;
* ``persons`` — the fake declarants (name, resident ID, unit, profession, …);
* ``claims`` — per claim: category (1–16, null for quarantine-only claims), expected
  ``hours`` (null for category 16), ``rule_id`` (e.g. ``7.invention.2``, ``2.per_day``,
  ``15.maternity``), ``assumed``, ``expected_flags``, ``notes``, ``facts``, the declared
  values written to the manifest (``declared_wrong`` when deliberately wrong) and its files;
* ``documents`` — per file: doc_kind, family, template, render (``digital_pdf``,
  ``scan_pdf``, ``photo_jpeg``, ``photo_png``, ``docx``), pages, ground-truth ``text``
  (printed lines joined by ``\\n``; DOCX: one line per paragraph / table row), ``fields``
  (normalised: ISO dates, ``ZL202310123456.7``, ISSN ``1234-5679``, 13-digit ISBN, JSON
  arrays for ordered names, numbers as strings, ``has_seal`` "true"/"false"),
  ``fields_raw`` (the literal printed form where there is one), ``seals``, ``bad_values``
  (fields deliberately wrong), ``orientation`` for sideways photos, ``source_pages`` for
  one-photo-per-page documents, ``duplicate_of`` for a copied file;
* ``bad_files`` — unreadable inputs with the reason keyword expected in quarantine.
"""

from samplegen.cli import main
from samplegen.generate import generate

__all__ = ["generate", "main"]
