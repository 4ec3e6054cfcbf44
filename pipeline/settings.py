"""One settings object for the pipeline; every knob can be set from the environment
with the prefix CEHOURS_ (e.g. CEHOURS_OCR_ENGINE=paddle)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

EVIDENCE_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".docx")
# Root-level files that belong to the upload, not to a person.
ROOT_METADATA_FILES = ("manifest.csv", "labels.json", "plan_filings.csv", "public_hours.csv")


@dataclass(frozen=True)
class Settings:
    ocr_engine: str = "rapid"
    workers: int = field(default_factory=lambda: min(2, os.cpu_count() or 1))
    max_file_bytes: int = 100 * 1024 * 1024
    # A DOCX is a zip: refuse one that inflates past this or by more than this ratio.
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: float = 200.0
    # Below this many characters a document is too little text to judge (flag `unreadable`).
    min_chars: int = 20
    # Below this mean reader confidence a document is flagged `low_confidence`.
    min_confidence: float = 0.80

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for f in fields(cls):
            raw = os.environ.get(f"CEHOURS_{f.name.upper()}")
            if raw is not None:
                kind = type(getattr(cls(), f.name))
                values[f.name] = kind(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
