"""What readers and OCR engines produce: text lines with boxes and confidences, per page.

Coordinates are in the page's own pixel/point space, origin top-left, x to the right and y
down; `Page.width`/`Page.height` give that space so a viewer can scale boxes onto a
rendered page image.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from schemas.kinds import TextSource


class BBox(BaseModel):
    x0: float
    y0: float
    x1: float
    y1: float

    def union(self, other: "BBox") -> "BBox":
        return BBox(
            x0=min(self.x0, other.x0),
            y0=min(self.y0, other.y0),
            x1=max(self.x1, other.x1),
            y1=max(self.y1, other.y1),
        )


class Line(BaseModel):
    """One line of text as read: its words' union box, and the reader's confidence (0–1)."""

    text: str
    bbox: BBox
    confidence: float = 1.0
    # A phone photo's sheet is read flattened (pipeline.readers.rectify): `bbox` is mapped back
    # onto the photo (what a viewer draws), `layout` is the box on the flat, upright sheet,
    # where the rows and columns of a table are straight again. None: `bbox` is that already.
    layout: BBox | None = None


class Page(BaseModel):
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = Field(default_factory=list)
    # pdfplumber tables (rows of cells) where the page has them; OCR pages have none.
    tables: list[list[list[str | None]]] = Field(default_factory=list)
    rotation: int = 0  # degrees the page image was turned before OCR (0, 90, 180, 270)
    # Red official seals (公章) found on the rendered page, in page coordinates.
    seals: list[BBox] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class DocumentText(BaseModel):
    """The text of one evidence file, however it was obtained."""

    source: TextSource
    engine: str | None = None  # OCR engine kind, None for pdf_text/docx
    pages: list[Page] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)

    @property
    def mean_confidence(self) -> float:
        lines = [line for page in self.pages for line in page.lines]
        if not lines:
            return 0.0
        weights = [max(len(line.text), 1) for line in lines]
        return sum(l.confidence * w for l, w in zip(lines, weights)) / sum(weights)
