"""The `null` engine: reads nothing, so the rest of the pipeline runs without OCR models."""

from __future__ import annotations

import numpy as np

from schemas.document import Line


class NullEngine:
    """Returns no lines for any image."""

    kind = "null"
    version = "null-1"

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Return an empty list."""
        return []
