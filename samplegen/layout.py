"""A small page-layout model shared by every renderer.

Templates write into a `Composer` (flowing paragraphs, tables, red headers, signature blocks,
absolutely placed text for certificates, seals, frames). The composer wraps text with
reportlab metrics, paginates, and records for each page:

* ``items`` — positioned text/lines/rects/seals in points, origin top-left, y down;
* ``lines`` — the ground-truth text, one entry per printed line (table rows: cells joined
  by a space; seal text excluded);
* ``fields`` / ``raw`` — label fields registered where they are printed (normalised value,
  and the literal printed string).

It also keeps logical ``blocks`` (unwrapped paragraphs, tables, signature) for the DOCX
writer. Renderers (`render_pdf`, `render_image`, `render_docx`) only read this model.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from samplegen.fonts import text_width

A4 = (595.28, 841.89)
A4_LANDSCAPE = (841.89, 595.28)
BLACK = (25, 25, 25)
RED = (205, 25, 30)
SEAL_RED = (212, 32, 38)
BLUE_INK = (35, 45, 110)

NO_LINE_START = set("，。、；：？！）》」』】〕”’,.;:?!)%·")
_ASCII_RUN = re.compile(r"[A-Za-z0-9.\-/:]+$")


@dataclass
class TextItem:
    x: float
    y: float  # baseline
    text: str
    role: str = "song"
    size: float = 12.0
    color: tuple = BLACK
    align: str = "l"  # l / c / r: x is the left edge, centre or right edge
    hand: bool = False  # handwriting (kai, jittered on images)
    scale_x: float = 1.0  # horizontal stretch (letterhead faces are often condensed)


@dataclass
class LineItem:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.8
    color: tuple = BLACK


@dataclass
class RectItem:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.8
    color: tuple | None = BLACK
    fill: tuple | None = None
    ellipse: bool = False


@dataclass
class QrItem:
    x: float
    y: float
    size: float
    seed: int


@dataclass
class SealItem:
    cx: float
    cy: float
    r: float
    text: str
    sub: str = ""
    color: tuple = SEAL_RED
    angle: float = 0.0  # degrees, clockwise
    seed: int = 0
    star: bool = True


@dataclass
class PageLayout:
    width: float
    height: float
    items: list = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    line_y: list[float] = field(default_factory=list)  # baseline of each ground-truth line
    fields: dict[str, str] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    seals: list[SealItem] = field(default_factory=list)

    def add_line(self, text: str, y: float) -> None:
        """Record a ground-truth line printed with its baseline at y."""
        if text.strip():
            self.lines.append(text)
            self.line_y.append(y)

    @property
    def text(self) -> str:
        """Ground-truth lines in reading order (top to bottom; insertion order within 3 pt)."""
        order = sorted(range(len(self.lines)), key=lambda i: (round(self.line_y[i] / 3.0), i))
        return "\n".join(self.lines[i] for i in order)


@dataclass
class Block:
    """A logical block for the DOCX writer."""

    kind: str  # red | title | para | table | sign | rule | break
    text: str = ""
    role: str = "song"
    size: float = 12.0
    color: tuple = BLACK
    align: str = "l"
    indent: int = 0  # first-line indent in characters
    rows: list[list[str]] | None = None
    widths: list[float] | None = None
    extra: list[str] | None = None  # sign: [org, date]
    seal: SealItem | None = None


def wrap(text: str, width: float, role: str, size: float) -> list[str]:
    """Break `text` into lines no wider than `width` pt (CJK rules: closing punctuation
    hangs, runs of ASCII letters/digits are not split when avoidable)."""
    lines: list[str] = []
    for part in text.split("\n"):
        cur, cur_w = "", 0.0
        for ch in part:
            w = text_width(ch, role, size)
            if cur and cur_w + w > width:
                if ch in NO_LINE_START:
                    lines.append(cur + ch)
                    cur, cur_w = "", 0.0
                    continue
                m = _ASCII_RUN.search(cur)
                if ch.isascii() and ch.isalnum() and m and m.start() > 0 and len(m.group()) <= 24:
                    lines.append(cur[: m.start()])
                    cur = m.group()
                    cur_w = text_width(cur, role, size)
                else:
                    lines.append(cur)
                    cur, cur_w = "", 0.0
            cur += ch
            cur_w += w
        if cur or not lines or not part:
            lines.append(cur)
    return [ln.strip(" ") for ln in lines]


def wrap_balanced(text: str, width: float, role: str, size: float) -> list[str]:
    """Like `wrap`, but spreads the text evenly over the lines it needs (titles)."""
    lines = wrap(text, width, role, size)
    if len(lines) < 2:
        return lines
    total = text_width(text, role, size)
    target = total / len(lines) + size * 0.6
    even = wrap(text, min(width, target), role, size)
    return even if len(even) == len(lines) else lines


def seal_label(org: str) -> str:
    """The text around a seal: long names lose their parenthesised part (max 18 chars)."""
    if len(org) > 16:
        org = re.sub(r"（[^）]*）", "", org)
    return org[:18]


class Composer:
    """Builds pages of a document; see the module docstring."""

    def __init__(self, size: tuple[float, float] = A4, margins: tuple[float, float, float, float] = (80, 76, 72, 72),
                 role: str = "song", font_size: float = 12.0, leading: float = 1.8, rng: random.Random | None = None):
        self.width, self.height = size
        self.left, self.right, self.top, self.bottom = margins
        self.role, self.size, self.leading = role, font_size, leading
        self.rng = rng or random.Random(0)
        self.pages: list[PageLayout] = []
        self.blocks: list[Block] = []
        self.y = 0.0
        self.new_page(block=False)

    # --- geometry -------------------------------------------------------------------------
    @property
    def page(self) -> PageLayout:
        return self.pages[-1]

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    def new_page(self, block: bool = True) -> None:
        """Start a new page."""
        self.pages.append(PageLayout(self.width, self.height))
        self.y = self.top
        if block and self.blocks:
            self.blocks.append(Block("break"))

    def ensure(self, height: float) -> None:
        """Break the page if `height` pt do not fit any more."""
        if self.y + height > self.height - self.bottom and self.y > self.top + 1:
            self.new_page()

    def space(self, pt: float) -> None:
        """Vertical space."""
        self.y += pt

    # --- ground truth ----------------------------------------------------------------------
    def field(self, name: str, value, raw: str | None = None) -> None:
        """Register a label field on the current page (value normalised; raw as printed)."""
        if value is None:
            return
        self.page.fields[name] = value if isinstance(value, str) else str(value)
        if raw is not None:
            self.page.raw[name] = raw

    # --- text -------------------------------------------------------------------------------
    def _line(self, text: str, x: float, role: str, size: float, color, align: str, hand=False,
              scale_x: float = 1.0, leading: float | None = None) -> None:
        lead = leading or self.leading
        self.ensure(size * lead)
        baseline = self.y + size * 1.0
        self.page.items.append(TextItem(x, baseline, text, role, size, color, align, hand, scale_x))
        self.page.add_line(text, baseline)
        self.y += size * lead

    def para(self, text: str, role: str | None = None, size: float | None = None, indent: int = 2,
             align: str = "l", color=BLACK, leading: float | None = None, after: float = 0.0,
             hanging: int = 0, block: bool = True) -> None:
        """A wrapped paragraph; `indent` first-line indent and `hanging` indent of the
        following lines, in characters."""
        role, size = role or self.role, size or self.size
        em = size
        if align == "l":
            first_w = self.content_width - indent * em
            lines = wrap(text, first_w, role, size)
            if len(lines) > 1:
                rest = wrap("".join(lines[1:]), self.content_width - hanging * em, role, size)
                lines = [lines[0]] + rest
            for i, ln in enumerate(lines):
                x = self.left + (indent if i == 0 else hanging) * em
                self._line(ln, x, role, size, color, "l", leading=leading)
        else:
            x = {"c": self.left + self.content_width / 2, "r": self.width - self.right}[align]
            for ln in wrap(text, self.content_width, role, size):
                self._line(ln, x, role, size, color, align, leading=leading)
        self.y += after
        if block:
            self.blocks.append(Block("para", text, role, size, color, align, indent))

    def title(self, text: str, size: float = 20, role: str = "songb", color=BLACK, after: float = 10,
              before: float = 0) -> None:
        """A centred (wrapped) title."""
        self.y += before
        for ln in wrap_balanced(text, self.content_width * 0.92, role, size):
            self._line(ln, self.left + self.content_width / 2, role, size, color, "c", leading=1.55)
        self.y += after
        self.blocks.append(Block("title", text, role, size, color, "c"))

    def line_text(self, text: str, align: str = "l", role: str | None = None, size: float | None = None,
                  color=BLACK, x: float | None = None, after: float = 0.0, hand: bool = False,
                  scale_x: float = 1.0, block: bool = True) -> None:
        """One unwrapped line at the cursor."""
        role, size = role or self.role, size or self.size
        if x is None:
            x = {"l": self.left, "c": self.left + self.content_width / 2, "r": self.width - self.right}[align]
        self._line(text, x, role, size, color, align, hand, scale_x)
        self.y += after
        if block:
            self.blocks.append(Block("para", text, role, size, color, align))

    def at(self, x: float, y: float, text: str, role: str = "song", size: float = 12, color=BLACK,
           align: str = "l", hand: bool = False, gt: bool = True, scale_x: float = 1.0) -> None:
        """Absolutely placed text (baseline at y); recorded as a ground-truth line."""
        self.page.items.append(TextItem(x, y, text, role, size, color, align, hand, scale_x))
        if gt:
            self.page.add_line(text, y)
        self.blocks.append(Block("para", text, role, size, color, align))

    def rule(self, color=BLACK, width: float = 1.0, double: bool = False, after: float = 8,
             x0: float | None = None, x1: float | None = None) -> None:
        """A horizontal rule across the content width (double: thick + thin, as in 红头)."""
        x0 = self.left if x0 is None else x0
        x1 = self.width - self.right if x1 is None else x1
        self.page.items.append(LineItem(x0, self.y, x1, self.y, width, color))
        if double:
            self.page.items.append(LineItem(x0, self.y + width + 2, x1, self.y + width + 2, width / 3, color))
        self.y += after
        self.blocks.append(Block("rule", color=color))

    def red_header(self, issuer_line: str, docno: str | None, size: float = 30, docno_align: str = "c",
                   star: bool = False, role: str = "songb") -> None:
        """红头: the issuer's name in large red type, the 文号, a red rule."""
        fit = min(size, self.content_width / max(len(issuer_line), 1) * 0.98)
        self.y += 6
        self._line(issuer_line, self.left + self.content_width / 2, role, fit, RED, "c", leading=1.7,
                   scale_x=1.0)
        self.blocks.append(Block("red", issuer_line, role, fit, RED, "c"))
        if docno:
            self.y += 8
            self.line_text(docno, align=docno_align, role="song", size=14,
                           x=self.width - self.right if docno_align == "r" else None)
        self.y += 2
        if star:
            mid = self.left + self.content_width / 2
            self.page.items.append(LineItem(self.left, self.y, mid - 12, self.y, 2.2, RED))
            self.page.items.append(LineItem(mid + 12, self.y, self.width - self.right, self.y, 2.2, RED))
            self.page.items.append(TextItem(mid, self.y + 5, "★", "song", 13, RED, "c"))
            self.y += 22
            self.blocks.append(Block("rule", color=RED))
        else:
            self.rule(RED, 2.2, after=22)

    def kv(self, label: str, value: str, size: float | None = None, role: str | None = None,
           label_chars: int = 0, sep: str = "：") -> None:
        """A `label：value` line (wrapped with a hanging indent)."""
        size = size or self.size
        text = f"{label}{sep}{value}"
        hang = label_chars or (len(label) + 1)
        self.para(text, role=role, size=size, indent=0, hanging=hang if hang < 10 else 0)

    def table(self, rows: list[list[str]], widths: list[float] | None = None, size: float = 10.5,
              header: bool = True, align: list[str] | None = None, role: str = "song",
              pad: float = 4.0, leading: float = 1.4, line_w: float = 0.8, min_h: float = 0.0,
              x0: float | None = None, total: float | None = None) -> None:
        """A ruled table; cells wrap inside their column."""
        ncol = max(len(r) for r in rows)
        widths = widths or [1.0] * ncol
        total = total or self.content_width
        cw = [w / sum(widths) * total for w in widths]
        x0 = self.left if x0 is None else x0
        xs = [x0]
        for w in cw:
            xs.append(xs[-1] + w)
        align = align or ["c"] * ncol
        for ri, row in enumerate(rows):
            row = list(row) + [""] * (ncol - len(row))
            r_role = "heib" if (header and ri == 0) else role
            cells = [wrap(str(c), cw[j] - 2 * pad, r_role, size) for j, c in enumerate(row)]
            n = max(len(c) for c in cells)
            h = max(n * size * leading + 2 * pad - size * (leading - 1) + 2, min_h)
            if self.y + h > self.height - self.bottom:
                self.new_page()
            top = self.y
            self.page.items.append(LineItem(xs[0], top, xs[-1], top, line_w))
            self.page.items.append(LineItem(xs[0], top + h, xs[-1], top + h, line_w))
            for x in xs:
                self.page.items.append(LineItem(x, top, x, top + h, line_w))
            for j, lines in enumerate(cells):
                block_h = len(lines) * size * leading - size * (leading - 1)
                y = top + (h - block_h) / 2 + size * 0.88
                for ln in lines:
                    a = align[j] if not (header and ri == 0) else "c"
                    x = {"l": xs[j] + pad, "c": (xs[j] + xs[j + 1]) / 2, "r": xs[j + 1] - pad}[a]
                    self.page.items.append(TextItem(x, y, ln, r_role, size, BLACK, a))
                    y += size * leading
            gt = " ".join(str(c) for c in row if str(c).strip())
            self.page.add_line(gt, top + size)
            self.y = top + h
        self.blocks.append(Block("table", rows=[list(map(str, r)) for r in rows], widths=widths, size=size))

    # --- signature and seal ------------------------------------------------------------------
    def seal(self, cx: float, cy: float, text: str, r: float | None = None, sub: str = "",
             angle: float | None = None) -> SealItem:
        """Put a red round seal (公章) centred at (cx, cy)."""
        rng = self.rng
        s = SealItem(cx, cy, r or rng.uniform(44, 54), seal_label(text), sub, SEAL_RED,
                     rng.uniform(-25, 25) if angle is None else angle, rng.randrange(1 << 30))
        self.page.items.append(s)
        self.page.seals.append(s)
        return s

    def sign(self, org: str, date_text: str, seal: bool = True, before: float = 28, size: float | None = None,
             seal_text: str | None = None, seal_sub: str = "", prefix: str | None = None,
             x_center: float | None = None) -> None:
        """Signature block: issuer and date centred towards the right, seal over them."""
        size = size or self.size
        self.y += before
        self.ensure(size * self.leading * 3 + 30)
        w = max(text_width(org, self.role, size), text_width(date_text, self.role, size))
        cx = x_center or (self.width - self.right - w / 2 - size * 1.5)
        top = self.y
        if prefix:
            self._line(prefix, cx, self.role, size, BLACK, "c")
        self._line(org, cx, self.role, size, BLACK, "c")
        self._line(date_text, cx, self.role, size, BLACK, "c")
        s = None
        if seal:
            mid = (top + self.y) / 2
            s = self.seal(cx + self.rng.uniform(-18, 18), mid + self.rng.uniform(-10, 6), seal_text or org, sub=seal_sub)
        self.blocks.append(Block("sign", extra=[x for x in (prefix, org, date_text) if x], seal=s, size=size))

    # --- decoration --------------------------------------------------------------------------
    def frame(self, color=(150, 110, 40), inset: float = 22, double: bool = True, width: float = 2.5) -> None:
        """Decorative certificate border on the current page."""
        p = self.page
        p.items.append(RectItem(inset, inset, p.width - inset, p.height - inset, width, color))
        if double:
            d = inset + width + 4
            p.items.append(RectItem(d, d, p.width - d, p.height - d, width / 3, color))

    def rect(self, x0, y0, x1, y1, color=BLACK, fill=None, width=0.8, ellipse=False) -> None:
        """A rectangle (or ellipse) on the current page."""
        self.page.items.append(RectItem(x0, y0, x1, y1, width, color, fill, ellipse))

    def portrait(self, x: float, y: float, w: float = 72, h: float = 96) -> None:
        """A photo box with a neutral silhouette (certificates)."""
        self.rect(x, y, x + w, y + h, color=(120, 120, 120), fill=(200, 218, 236), width=0.5)
        self.rect(x + w * 0.3, y + h * 0.14, x + w * 0.7, y + h * 0.52, color=None, fill=(80, 84, 92), ellipse=True)
        self.rect(x + w * 0.12, y + h * 0.6, x + w * 0.88, y + h * 0.98, color=None, fill=(70, 74, 84), ellipse=True)
        self.rect(x + w * 0.12, y + h * 0.79, x + w * 0.88, y + h - 0.4, color=None, fill=(70, 74, 84))

    def qr(self, x: float, y: float, size: float = 60) -> None:
        """A QR-code-like square (decorative, deterministic)."""
        self.page.items.append(QrItem(x, y, size, self.rng.randrange(1 << 30)))


def qr_modules(seed: int, n: int = 25) -> list[tuple[int, int]]:
    """Dark modules of a fake QR symbol: three finder patterns and random data."""
    rng = random.Random(seed)
    dark = set()
    for ox, oy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for i in range(7):
            for j in range(7):
                if i in (0, 6) or j in (0, 6) or (2 <= i <= 4 and 2 <= j <= 4):
                    dark.add((ox + i, oy + j))
    reserved = {(x, y) for x in range(n) for y in range(n)
                if (x < 8 and y < 8) or (x >= n - 8 and y < 8) or (x < 8 and y >= n - 8)}
    for x in range(n):
        for y in range(n):
            if (x, y) not in reserved and rng.random() < 0.5:
                dark.add((x, y))
    return sorted(dark)
