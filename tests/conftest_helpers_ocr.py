"""Render realistic test pages (certificates, red-head notices, seals) with PIL + Noto CJK.

Used by tests/test_readers.py and tests/test_ocr.py.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]
BOLD_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
] + FONT_CANDIDATES

RED = (210, 30, 35)

CERT_LINES = [
    "专业技术人员继续教育证书",
    "证书编号：HN2023-004518",
    "姓名：王建国  性别：男",
    "身份证号：410103198507120036",
    "工作单位：郑州市第一人民医院",
    "培训项目：医院感染管理与防控新进展",
    "培训时间：2023年5月8日至5月12日",
    "培训形式：面授  共计40学时",
    "考核结果：合格",
    "经考核，准予结业，特发此证。",
    "河南省继续医学教育委员会",
    "2023年5月8日",
]

NOTICE_TITLE = "郑州市人力资源和社会保障局文件"
NOTICE_LINES = [
    "郑人社〔2023〕15号",
    "关于做好2023年度专业技术人员",
    "继续教育工作的通知",
    "各县（市、区）人力资源和社会保障局：",
    "为进一步做好全市专业技术人员继续教育工作，",
    "现将有关事项通知如下：",
    "一、专业技术人员每年参加继续教育的时间",
    "累计不少于90学时，其中公需科目不少于30学时。",
    "二、各单位应于12月10日前完成学时审核。",
]


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """A CJK-capable TrueType font at `size` px (first installed candidate)."""
    for path in BOLD_CANDIDATES if bold else FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise RuntimeError("no CJK font installed")


def draw_seal(img: Image.Image, center: tuple[int, int], radius: int, text: str = "继续教育专用章") -> None:
    """Draw a red official seal: double ring, star, arced text, semi-transparent over the page."""
    overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(overlay)
    cx, cy = center
    col = RED + (215,)
    w = max(3, radius // 18)
    d.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=col, width=w)
    r2 = radius - w - 4
    d.ellipse([cx - r2, cy - r2, cx + r2, cy + r2], outline=col, width=max(1, w // 3))
    # five-pointed star
    rs, ri = radius * 0.28, radius * 0.11
    pts = []
    for k in range(10):
        r = rs if k % 2 == 0 else ri
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(pts, fill=col)
    f = font(max(10, radius // 5), bold=True)
    n = len(text)
    for i, ch in enumerate(text):
        a = math.radians(-150 + 120 * i / max(n - 1, 1))
        rr = radius * 0.72
        x, y = cx + rr * math.cos(a), cy + rr * math.sin(a)
        d.text((x, y), ch, font=f, fill=col, anchor="mm")
    img.paste(Image.alpha_composite(img.convert("RGBA"), overlay).convert("RGB"))


def render_certificate(size: tuple[int, int] = (1650, 2340), seal: bool = True, lines: list[str] | None = None) -> Image.Image:
    """An A4-ish certificate page at ~200 dpi: title, 11 text lines, optional red seal over the issuer."""
    w, h = size
    img = Image.new("RGB", size, (250, 249, 244))
    d = ImageDraw.Draw(img)
    lines = lines or CERT_LINES
    s = w / 1650
    d.text((w // 2, int(260 * s)), lines[0], font=font(int(78 * s), bold=True), fill=(20, 20, 20), anchor="mm")
    body = font(int(46 * s))
    y = int(480 * s)
    for line in lines[1:-2]:
        d.text((int(200 * s), y), line, font=body, fill=(25, 25, 25))
        y += int(110 * s)
    y += int(80 * s)
    for line in lines[-2:]:
        d.text((w - int(200 * s), y), line, font=body, fill=(25, 25, 25), anchor="ra")
        y += int(90 * s)
    if seal:
        draw_seal(img, (w - int(420 * s), y - int(140 * s)), int(190 * s))
    return img


def render_red_title_notice(size: tuple[int, int] = (1650, 2340)) -> Image.Image:
    """A 红头文件: big red title, red rule under the doc number, black body text, no seal."""
    w, h = size
    img = Image.new("RGB", size, (255, 255, 255))
    d = ImageDraw.Draw(img)
    s = w / 1650
    d.text((w // 2, int(250 * s)), NOTICE_TITLE, font=font(int(92 * s), bold=True), fill=RED, anchor="mm")
    d.text((w // 2, int(420 * s)), NOTICE_LINES[0], font=font(int(44 * s)), fill=(20, 20, 20), anchor="mm")
    d.rectangle([int(150 * s), int(480 * s), w - int(150 * s), int(488 * s)], fill=RED)
    y = int(580 * s)
    for i, line in enumerate(NOTICE_LINES[1:]):
        f = font(int(56 * s), bold=True) if i < 2 else font(int(44 * s))
        anchor = "ma" if i < 2 else "la"
        x = w // 2 if i < 2 else int(180 * s)
        d.text((x, y), line, font=f, fill=(20, 20, 20), anchor=anchor)
        y += int(100 * s)
    # a small red "特急" tag and red page-number dash: more red that is not a seal
    d.text((int(180 * s), int(400 * s)), "特急", font=font(int(40 * s), bold=True), fill=RED)
    return img


def render_line(text: str, height: int = 64, pad: int = 24) -> Image.Image:
    """A single line of black text on white, e.g. for per-engine CER checks."""
    f = font(int(height * 0.62))
    x0, y0, x1, y1 = f.getbbox(text)
    img = Image.new("RGB", (x1 - x0 + 2 * pad, height + 2 * pad), (255, 255, 255))
    ImageDraw.Draw(img).text((pad - x0, pad + (height - (y1 - y0)) // 2 - y0), text, font=f, fill=(0, 0, 0))
    return img


def phone_photo(img: Image.Image, size: tuple[int, int] = (3024, 4032)) -> Image.Image:
    """Make a page look like a phone photo: placed on a darker table, slight tilt, shading, blur."""
    from PIL import ImageFilter

    import numpy as np

    bg = Image.new("RGB", size, (92, 84, 74))
    page = img.resize((int(size[0] * 0.86), int(size[0] * 0.86 * img.height / img.width)))
    page = page.rotate(1.5, expand=True, fillcolor=(92, 84, 74), resample=Image.BICUBIC)
    bg.paste(page, ((size[0] - page.width) // 2, (size[1] - page.height) // 2))
    arr = np.asarray(bg).astype(np.float32)
    ramp = np.linspace(1.0, 0.78, size[0], dtype=np.float32)[None, :, None]
    arr = arr * ramp
    rng = np.random.default_rng(0)
    arr += rng.normal(0, 4, arr.shape).astype(np.float32)
    out = Image.fromarray(arr.clip(0, 255).astype("uint8"))
    return out.filter(ImageFilter.GaussianBlur(1.2))


# ---------------------------------------------------------------- files of every kind

def write_png_bomb(path: Path, width: int = 20000, height: int = 20000) -> None:
    """A valid 1-bit PNG of width×height, streamed row by row (a few KB on disk, never in RAM)."""
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    comp = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def write_zero_png(path: Path) -> None:
    """A PNG whose header claims 0×0 pixels."""
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", 0, 0, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def _pdf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        # Noto CJK is CFF-flavoured, which reportlab cannot embed; WenQuanYi is TrueType.
        pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
    return "WQY"


def make_text_pdf(path: Path, seal: bool = True, red_title: bool = False, table: bool = True) -> None:
    """A born-digital A4 certificate/notice: CJK text layer, optional vector seal, red title, table."""
    from reportlab.lib.colors import Color, black
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    f = _pdf_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    red = Color(0.82, 0.12, 0.14)
    if red_title:
        c.setFillColor(red)
        c.setFont(f, 30)
        c.drawCentredString(w / 2, h - 90, NOTICE_TITLE)
        c.setStrokeColor(red)
        c.setLineWidth(2)
        c.line(50, h - 130, w - 50, h - 130)
        c.setFillColor(black)
    c.setFont(f, 22)
    c.drawCentredString(w / 2, h - 180, CERT_LINES[0])
    c.setFont(f, 13)
    y = h - 230
    for line in CERT_LINES[1:-2]:
        c.drawString(70, y, line)
        y -= 28
    if table:
        rows = [["课程", "学时", "成绩"], ["医院感染管理", "16", "合格"], ["防控新进展", "24", "优秀"]]
        top = y - 10
        for r, row in enumerate(rows):
            for k, cell in enumerate(row):
                c.rect(70 + k * 140, top - (r + 1) * 24, 140, 24)
                c.drawString(76 + k * 140, top - (r + 1) * 24 + 7, cell)
        y = top - len(rows) * 24 - 40
    for line in CERT_LINES[-2:]:
        c.drawRightString(w - 70, y, line)
        y -= 26
    if seal:
        cx, cy, r = w - 150, y + 40, 60
        c.setStrokeColor(red)
        c.setFillColor(red)
        c.setLineWidth(3.5)
        c.circle(cx, cy, r, stroke=1, fill=0)
        c.setLineWidth(1)
        c.circle(cx, cy, r - 6, stroke=1, fill=0)
        p = c.beginPath()
        for k in range(10):
            rr = 17 if k % 2 == 0 else 7
            a = math.pi / 2 + k * math.pi / 5
            (p.moveTo if k == 0 else p.lineTo)(cx + rr * math.cos(a), cy + rr * math.sin(a))
        p.close()
        c.drawPath(p, stroke=0, fill=1)
        c.setFont(f, 11)
        c.drawCentredString(cx, cy + 30, "继续教育专用章")
    c.showPage()
    c.save()


def make_docx(path: Path, picture: Path | None = None, text: bool = True) -> None:
    """A small certificate-like DOCX: title, paragraphs, a 3×3 table; optionally a pasted picture
    (and with text=False, only the picture)."""
    import docx
    from docx.shared import Cm

    d = docx.Document()
    if not text:
        d.add_picture(str(picture), width=Cm(15))
        d.save(str(path))
        return
    d.add_heading(CERT_LINES[0], level=1)
    for line in CERT_LINES[1:5]:
        d.add_paragraph(line)
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["课程", "学时", "成绩"], ["医院感染管理", "16", "合格"], ["防控新进展", "24", "优秀"]]):
        for k, cell in enumerate(row):
            t.cell(r, k).text = cell
    d.add_paragraph(CERT_LINES[-1])
    if picture:
        d.add_picture(str(picture), width=Cm(15))
    d.save(str(path))


def signed_proof(style: str, seed: int):
    """(composer, rng, numpy rng, date) of a one-page employer proof whose signature date, in
    samplegen date style `style`, sits under the red seal: for rendering as a scan or photo."""
    import datetime as dt
    import random
    import zlib

    import numpy as np

    from samplegen.dates import fmt_date
    from samplegen.layout import A4, Composer

    rng = random.Random(seed * 7919 + zlib.crc32(style.encode()) % 1000)
    nprng = np.random.default_rng(seed)
    d = dt.date(2023, rng.randint(1, 12), rng.randint(1, 28))
    org = rng.choice(["漯河市中心医院", "河南省中原建设工程有限公司", "郑州市第一人民医院", "周口市农业科学院", "南阳市第二中学"])
    c = Composer(size=A4, margins=(72, 72, 68, 64), role=rng.choice(["fang", "song", "kai"]),
                 font_size=rng.choice([13, 14, 15]), rng=rng)
    c.title(rng.choice(["证明", "情况说明", "单位证明"]), size=22, after=14)
    c.para("兹证明张建华同志系我单位在职职工，于2023年5月8日至2023年5月12日参加了河南省护理学会举办的"
           "护理管理培训班，共计40学时，培训期间无缺勤。")
    c.para("特此证明。")
    c.sign(org, fmt_date(d, style), seal=True, before=rng.choice([30, 40, 60]))
    return c, rng, nprng, d
