"""The one error a reader raises for a file it cannot read; the caller quarantines the file."""

from __future__ import annotations


class UnreadableFile(Exception):
    """A file that is not a readable evidence document.

    `reason` is a short, stable, human-readable sentence (English, with the Chinese term where
    it helps a reviewer), suitable for the `quarantine.reason` column.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self):  # keep it picklable across process pools
        return (type(self), (self.reason,))
