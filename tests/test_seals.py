"""Seal detection (pipeline.readers.seals) on rendered pages: seals of many kinds, through the
degradations real uploads show, and the red things on official papers that are not seals.

Pages are drawn here with PIL at scan/photo resolutions (A4 at 100–150 dpi); no OCR runs.
The same helpers drive a wider randomised check in `test_random_variants`.
"""

from __future__ import annotations

import io
import math
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).parent))
from conftest_helpers_ocr import font  # noqa: E402

from pipeline.readers.seals import find_seals  # noqa: E402

SEAL_RED = (212, 32, 38)
A4_150 = (1240, 1754)
BODY = [
    "兹证明我单位专业技术人员张伟同志，身份证号410103198507120036，",
    "于2023年5月8日至5月12日参加了河南省继续医学教育委员会举办的",
    "“医院感染管理与防控新进展”培训班，培训形式为面授，共计40学时，",
    "考核合格。该同志在培训期间遵守纪律，学习认真，按时完成全部课程。",
    "特此证明。",
]


# ---------------------------------------------------------------- drawing

def page(size: tuple[int, int] = A4_150, paper=(250, 249, 244), lines: list[str] = BODY, top: float = 0.3) -> Image.Image:
    """A page of black body text (about 12 pt at the page's dpi) and a signature block."""
    w, h = size
    img = Image.new("RGB", size, paper)
    d = ImageDraw.Draw(img)
    s = w / 1240
    f = font(max(8, int(25 * s)))
    y = int(h * top)
    for line in lines * 2:
        d.text((int(130 * s), y), line, font=f, fill=(25, 25, 25))
        y += int(48 * s)
    d.text((int(w - 260 * s), y + int(90 * s)), "郑州市第一人民医院", font=f, fill=(25, 25, 25), anchor="ma")
    d.text((int(w - 260 * s), y + int(140 * s)), "2023年5月20日", font=f, fill=(25, 25, 25), anchor="ma")
    return img


def signature_spot(img: Image.Image) -> tuple[int, int]:
    """Where `page` puts the issuer and date (a seal is stamped over them)."""
    w, h = img.size
    s = w / 1240
    return int(w - 260 * s), int(h * 0.3 + 10 * 48 * s + 115 * s)


def _star(cx: float, cy: float, r: float, rot: float = 0.0) -> list[tuple[float, float]]:
    return [(cx + (r if k % 2 == 0 else r * 0.382) * math.cos(math.radians(rot - 90 + 36 * k)),
             cy + (r if k % 2 == 0 else r * 0.382) * math.sin(math.radians(rot - 90 + 36 * k))) for k in range(10)]


def seal_alpha(rx: int, ry: int | None = None, ring: float = 0.075, text: str = "郑州市第一人民医院",
               star: bool = True, inner_ring: bool = False, sub: str = "") -> Image.Image:
    """Ink coverage (L image) of a seal with semi-axes rx, ry: ring, star, arc text."""
    ry = ry or rx
    ss = 2
    W, H = 2 * rx * ss + 8, 2 * ry * ss + 8
    m = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(m)
    cx, cy = W / 2, H / 2
    rw = max(2, int(ring * min(rx, ry) * ss))
    d.ellipse([cx - rx * ss, cy - ry * ss, cx + rx * ss, cy + ry * ss], outline=255, width=rw)
    if inner_ring:
        g = rw + int(0.05 * min(rx, ry) * ss)
        d.ellipse([cx - rx * ss + g, cy - ry * ss + g, cx + rx * ss - g, cy + ry * ss - g], outline=255, width=max(1, rw // 3))
    if star:
        d.polygon(_star(cx, cy, 0.3 * min(rx, ry) * ss), fill=255)
    n = len(text)
    ch = int(0.27 * min(rx, ry) * ss)
    f = font(max(6, ch), bold=True)
    span = min(250.0, 26.0 * n + 20)
    for i, c in enumerate(text):
        a = -span / 2 + span * (i + 0.5) / n
        g = Image.new("L", (ch * 2, ch * 2), 0)
        ImageDraw.Draw(g).text((ch, ch), c, font=f, fill=255, anchor="mm")
        g = g.rotate(-a, resample=Image.BICUBIC)
        px = cx + 0.7 * rx * ss * math.sin(math.radians(a))
        py = cy - 0.7 * ry * ss * math.cos(math.radians(a))
        m.paste(255, (int(px - ch), int(py - ch)), g)
    if sub:
        d.text((cx, cy + 0.55 * ry * ss), sub, font=font(max(6, int(0.15 * ry * ss))), fill=255, anchor="mm")
    return m.resize((W // ss, H // ss), Image.LANCZOS)


def stamp(img: Image.Image, center: tuple[int, int], rx: int, ry: int | None = None, angle: float = 0.0,
          color=SEAL_RED, ink: float = 0.9, fade: float = 0.0, gap: tuple[float, float] | None = None,
          seed: int = 0, **kw) -> Image.Image:
    """Stamp a seal on `img` (in place, multiply blend: text under it stays dark).

    fade 0–1 thins the ink unevenly; gap (from°, to°) leaves a sector of the seal unprinted."""
    rng = np.random.default_rng(seed)
    a = np.asarray(seal_alpha(rx, ry, **kw).rotate(-angle, resample=Image.BICUBIC, expand=True), dtype=np.float32) / 255
    h, w = a.shape
    if fade:
        low = np.asarray(Image.fromarray(rng.normal(0, 1, (max(2, h // 14), max(2, w // 14))).astype(np.float32))
                         .resize((w, h), Image.BICUBIC))
        a = a * np.clip(1.0 - fade * (0.6 + 0.8 * low), 0.15, 1.0) * (rng.random((h, w)) > 0.35 * fade)
    if gap:
        yy, xx = np.mgrid[0:h, 0:w]
        ang = (np.degrees(np.arctan2(xx - w / 2, -(yy - h / 2))) + 360) % 360
        a = a * ~((ang >= gap[0]) & (ang <= gap[1]))
    a = a * ink
    x0, y0 = center[0] - w // 2, center[1] - h // 2
    base = np.asarray(img, dtype=np.float32).copy()
    ys, xs = slice(max(0, y0), min(img.height, y0 + h)), slice(max(0, x0), min(img.width, x0 + w))
    sub = a[ys.start - y0:ys.stop - y0, xs.start - x0:xs.stop - x0, None]
    col = np.asarray(color, dtype=np.float32)[None, None, :] / 255
    base[ys, xs] = base[ys, xs] * (1 - sub * (1 - col))
    img.paste(Image.fromarray(base.clip(0, 255).astype(np.uint8)))
    return img


def red_head(img: Image.Image, star_rule: bool = True) -> Image.Image:
    """红头: big red issuer title, 文号, a red rule (with a ★ in it), a red 特急 tag."""
    w, _ = img.size
    s = w / 1240
    d = ImageDraw.Draw(img)
    red = (205, 25, 30)
    d.text((w // 2, int(170 * s)), "河南省人力资源和社会保障厅文件", font=font(int(76 * s), bold=True), fill=red, anchor="mm")
    d.text((w // 2, int(290 * s)), "豫人社专技〔2023〕12号", font=font(int(28 * s)), fill=(25, 25, 25), anchor="mm")
    y = int(340 * s)
    if star_rule:
        d.rectangle([int(110 * s), y, w // 2 - int(40 * s), y + max(2, int(4 * s))], fill=red)
        d.rectangle([w // 2 + int(40 * s), y, w - int(110 * s), y + max(2, int(4 * s))], fill=red)
        d.polygon(_star(w // 2, y + 2 * s, 30 * s), fill=red)
    else:
        d.rectangle([int(110 * s), y, w - int(110 * s), y + max(2, int(5 * s))], fill=red)
    d.rectangle([int(110 * s), y + int(10 * s), w - int(110 * s), y + int(11 * s)], fill=red)
    d.text((int(130 * s), int(240 * s)), "特急", font=font(int(34 * s), bold=True), fill=red)
    return img


def red_table(img: Image.Image, box=(0.1, 0.62, 0.9, 0.9), rows: int = 6, cols: int = 4) -> Image.Image:
    """A table ruled in red, with black cell text."""
    w, h = img.size
    x0, y0, x1, y1 = int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)
    d = ImageDraw.Draw(img)
    red, lw = (200, 30, 40), max(2, w // 500)
    for r in range(rows + 1):
        y = y0 + (y1 - y0) * r // rows
        d.line([(x0, y), (x1, y)], fill=red, width=lw)
    for c in range(cols + 1):
        x = x0 + (x1 - x0) * c // cols
        d.line([(x, y0), (x, y1)], fill=red, width=lw)
    f = font(max(8, w // 55))
    for r in range(rows):
        for c in range(cols):
            d.text((x0 + (x1 - x0) * c // cols + 8, y0 + (y1 - y0) * r // rows + 8), ["课程", "学时", "成绩", "备注"][c], font=f, fill=(25, 25, 25))
    return img


def red_handwriting(img: Image.Image, seed: int = 0, loop: bool = True) -> Image.Image:
    """Red pen: a scrawled comment, a signature, and a hand-drawn loop around a word (圈阅)."""
    rng = np.random.default_rng(seed)
    w, h = img.size
    d = ImageDraw.Draw(img)
    red, pw = (200, 35, 45), max(2, w // 400)
    for line in range(2):  # a scrawl: wobbly joined strokes
        x, y = w * 0.15, h * (0.12 + 0.06 * line)
        pts = []
        for _ in range(90):
            x += rng.uniform(2, 9) * w / 1240
            y += rng.normal(0, 5) * w / 1240
            pts.append((x, y + 14 * math.sin(x / 9) * w / 1240))
        d.line(pts, fill=red, width=pw, joint="curve")
    t = np.linspace(0, 5 * np.pi, 120)  # signature: loops drifting right
    sx, sy = w * 0.62, h * 0.9
    d.line([(sx + 30 * u + 28 * math.cos(v), sy + 22 * math.sin(v) * (1 + 0.3 * math.sin(u)))
            for u, v in zip(np.linspace(0, 8, 120), t)], fill=red, width=pw, joint="curve")
    if loop:  # an unclosed, wobbly ring around black words, nothing red inside
        cx, cy, r = w * 0.35, h * 0.45, w * 0.085
        ang = np.linspace(0.3, 2 * np.pi + 0.1, 80)
        rr = r * (1 + 0.06 * np.sin(3 * ang) + rng.normal(0, 0.01, len(ang)))
        d.line([(cx + 1.5 * q * math.cos(a), cy + q * math.sin(a)) for a, q in zip(ang, rr)], fill=red, width=pw)
    return img


def jpeg(img: Image.Image, quality: int = 40) -> Image.Image:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def photo(img: Image.Image, cast=(1.0, 0.93, 0.80), shade: float = 0.7, tilt: float = 4.0, seed: int = 0,
          long_side: int = 1600) -> Image.Image:
    """A phone photo: on a desk, perspective and tilt, coloured light falling off, blur, noise, JPEG."""
    rng = np.random.default_rng(seed)
    w, h = img.size
    W, H = int(w * 1.25), int(h * 1.2)
    desk = Image.new("RGB", (W, H), (120, 96, 70))
    p = img.rotate(tilt, expand=True, resample=Image.BICUBIC, fillcolor=(120, 96, 70))
    desk.paste(p, ((W - p.width) // 2, (H - p.height) // 2))
    k = 0.05 * W
    src = [(0, 0), (W, 0), (W, H), (0, H)]
    dst = [(rng.uniform(0, k), rng.uniform(0, k)), (W - rng.uniform(0, k), rng.uniform(0, k)),
           (W - rng.uniform(0, k), H - rng.uniform(0, k)), (rng.uniform(0, k), H - rng.uniform(0, k))]
    desk = desk.transform((W, H), Image.PERSPECTIVE, _persp(dst, src), Image.BICUBIC)
    a = np.asarray(desk, dtype=np.float32)
    ramp = np.linspace(1.0, shade, W, dtype=np.float32)[None, :, None] * np.linspace(1.0, 0.9, H, dtype=np.float32)[:, None, None]
    a = a * ramp * np.asarray(cast, dtype=np.float32)[None, None, :] + rng.normal(0, 3, a.shape).astype(np.float32)
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.0))
    out.thumbnail((long_side, long_side), Image.LANCZOS)
    return jpeg(out, 72)


def _persp(src, dst) -> list[float]:
    m = []
    for (x, y), (u, v) in zip(dst, src):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    return np.linalg.solve(np.array(m, dtype=np.float64), np.array(src, dtype=np.float64).reshape(8)).tolist()


def scan(img: Image.Image, dpi_scale: float = 1.0, grey: bool = False, quality: int = 50, skew: float = 0.8) -> Image.Image:
    """A flatbed scan: resampled, grey paper tone, slight skew and blur, JPEG; optionally greyscale."""
    w, h = img.size
    out = img.resize((int(w * dpi_scale), int(h * dpi_scale)), Image.LANCZOS)
    a = np.asarray(out, dtype=np.float32) * np.array([0.93, 0.92, 0.89], dtype=np.float32)
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8)).rotate(skew, resample=Image.BICUBIC, fillcolor=(235, 235, 235))
    out = out.filter(ImageFilter.GaussianBlur(0.7))
    if grey:
        out = out.convert("L").convert("RGB")
    return jpeg(out, quality)


def arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("RGB"))


def seals_in(img: Image.Image) -> list:
    return find_seals(arr(img))


def sealed_page(**kw) -> tuple[Image.Image, tuple[int, int], int]:
    img = page()
    c = signature_spot(img)
    r = kw.pop("r", 92)
    stamp(img, c, r, **kw)
    return img, c, r


def _one_near(found, center, r, tol=0.15):
    assert len(found) == 1, found
    b = found[0]
    assert abs((b.x0 + b.x1) / 2 - center[0]) < tol * 2 * r and abs((b.y0 + b.y1) / 2 - center[1]) < tol * 2 * r, (b, center)
    return b


# ---------------------------------------------------------------- positives

def test_seal_over_black_text_box_fits_the_ring():
    img, c, r = sealed_page()
    b = _one_near(seals_in(img), c, r, 0.05)
    assert 0.9 * 2 * r < b.x1 - b.x0 < 1.1 * 2 * r and 0.9 * 2 * r < b.y1 - b.y0 < 1.1 * 2 * r


@pytest.mark.parametrize("ring", [0.035, 0.075, 0.13])
def test_ring_thickness(ring):
    img, c, r = sealed_page(ring=ring, inner_ring=ring < 0.05)
    _one_near(seals_in(img), c, r)


def test_faded_and_broken_seal():
    img, c, r = sealed_page(fade=0.7, ink=0.75, seed=3)
    _one_near(seals_in(img), c, r)
    img, c, r = sealed_page(gap=(200, 235), ink=0.8)  # a sector did not print
    _one_near(seals_in(img), c, r)


def test_elliptical_seal_turned():
    img = page()
    c = signature_spot(img)
    stamp(img, c, 110, 74, angle=20, text="财务专用章", star=False, sub="")
    _one_near(seals_in(img), c, 110)


@pytest.mark.parametrize("color,cast", [((230, 70, 110), (0.95, 0.97, 1.05)),  # pink ink, cool light
                                        ((225, 85, 35), (1.0, 0.9, 0.72))])   # orange-red ink, warm light
def test_photographed_seal_in_coloured_light(color, cast):
    img, _, _ = sealed_page(color=color, ink=0.8)
    red_head(img)
    found = seals_in(photo(img, cast=cast, seed=1))
    assert len(found) == 1


def test_brownish_seal_in_a_chat_app_png_photo():
    """Seal ink a warm photo and a palette-reduced PNG turn orange-brown (hue near 30°, green
    well above blue) is still seal ink."""
    img, c, r = sealed_page(color=(200, 95, 60), ink=0.85, r=60)
    shot = photo(img, cast=(1.0, 0.92, 0.78), seed=3).quantize(colors=64, method=Image.Quantize.MEDIANCUT).convert("RGB")
    assert len(seals_in(shot)) == 1


def test_low_dpi_scans_colour_and_grey():
    img, c, r = sealed_page()
    for grey in (False, True):
        s = scan(img, dpi_scale=100 / 150, grey=grey, quality=45)  # a 100 dpi copy
        _one_near(seals_in(s), (c[0] * 100 / 150, c[1] * 100 / 150), r * 100 / 150, 0.2)


def test_heavy_jpeg_and_quarter_turned_page():
    img, c, r = sealed_page(ink=0.85)
    _one_near(seals_in(jpeg(img, 25)), c, r)
    turned = jpeg(img.rotate(90, expand=True), 60)
    assert len(seals_in(turned)) == 1


def test_seal_partly_off_the_page():
    img = page()
    w, h = img.size
    stamp(img, (w - 40, int(h * 0.55)), 92)  # a third of it hangs over the right edge
    assert len(seals_in(img)) == 1


def test_seal_picture_alone_as_pasted_in_a_docx():
    pic = Image.new("RGBA", (170, 170), (255, 255, 255, 0))
    a = seal_alpha(82, text="河南省天元市政工程有限公司")
    layer = Image.new("RGBA", a.size, SEAL_RED + (0,))
    layer.putalpha(a)
    pic.alpha_composite(layer, ((170 - a.width) // 2, (170 - a.height) // 2))
    flat = Image.new("RGB", pic.size, (255, 255, 255))
    flat.paste(pic, mask=pic.getchannel("A"))
    assert len(seals_in(flat)) == 1


def test_two_seals_on_one_page():
    img = page()
    w, h = img.size
    stamp(img, (330, int(h * 0.75)), 88, text="河南省继续医学教育委员会")
    stamp(img, (w - 300, int(h * 0.75)), 88)
    assert len(seals_in(img)) == 2


# ---------------------------------------------------------------- negatives

def test_red_head_notice_without_seal():
    for star_rule in (True, False):
        img = red_head(page(), star_rule=star_rule)
        assert seals_in(img) == []
        assert seals_in(photo(img, seed=2)) == []
        assert seals_in(scan(img, grey=True)) == []


def test_red_head_notice_with_seal_finds_only_the_seal():
    img, c, r = sealed_page()
    red_head(img)
    _one_near(seals_in(img), c, r)


def test_red_table_lines_and_lone_stars():
    img = red_table(page())
    d = ImageDraw.Draw(img)
    d.polygon(_star(300, 300, 60), fill=(210, 30, 35))  # a seal-sized ★ alone
    d.polygon(_star(600, 260, 20), fill=(210, 30, 35))
    assert seals_in(img) == []
    assert seals_in(photo(img, seed=4)) == []


def test_red_table_with_seal_over_it():
    img = red_table(page(), box=(0.45, 0.55, 0.95, 0.8))
    w, h = img.size
    stamp(img, (int(0.75 * w), int(0.7 * h)), 92)
    assert len(seals_in(img)) == 1


def test_red_handwriting_and_signature():
    for seed in range(3):
        img = red_handwriting(page(), seed=seed)
        assert seals_in(img) == []
        assert seals_in(photo(img, seed=seed)) == []


def test_red_certificate_frame_and_big_red_title():
    img = page(top=0.35)
    d = ImageDraw.Draw(img)
    w, h = img.size
    for inset, lw in ((40, 10), (60, 3)):
        d.rectangle([inset, inset, w - inset, h - inset], outline=(200, 30, 35), width=lw)
    d.text((w // 2, 300), "荣 誉 证 书", font=font(130, bold=True), fill=(205, 25, 30), anchor="mm")
    d.text((w // 2, 470), "回", font=font(150, bold=True), fill=(205, 25, 30), anchor="mm")  # a boxy glyph
    assert seals_in(img) == []
    c = signature_spot(img)
    stamp(img, c, 92)
    _one_near(seals_in(img), c, 92)


def test_plain_pages_and_blank_input():
    assert seals_in(page()) == []
    assert seals_in(scan(page(), grey=True)) == []
    assert find_seals(np.full((50, 40, 3), 255, np.uint8)) == []
    assert find_seals(np.zeros((300, 200, 3), np.uint8)) == []


# ---------------------------------------------------------------- randomised

def variant(seed: int, with_seal: bool) -> Image.Image:
    """A random page: red decorations, maybe a random seal, one random degradation."""
    rng = np.random.default_rng(seed)
    img = page(paper=tuple(int(v) for v in rng.integers(236, 256, 3)))
    if rng.random() < 0.5:
        red_head(img, star_rule=bool(rng.random() < 0.5))
    if rng.random() < 0.3:
        red_table(img, box=(0.1, 0.05 + 0.8 * rng.random() * 0.2, 0.9, 0.3))
    if rng.random() < 0.3:
        red_handwriting(img, seed=seed, loop=bool(rng.random() < 0.5))
    if with_seal:
        c = signature_spot(img)
        rx = int(rng.uniform(78, 110))
        oval = rng.random() < 0.25
        stamp(img, (c[0] + int(rng.uniform(-30, 30)), c[1] + int(rng.uniform(-20, 20))), rx,
              int(rx * rng.uniform(0.65, 0.8)) if oval else None, angle=rng.uniform(-30, 30),
              color=tuple(int(v) for v in np.clip(np.array(SEAL_RED) + rng.integers(-25, 40, 3), 0, 255)),
              ink=rng.uniform(0.65, 0.95), fade=rng.uniform(0, 0.6), ring=rng.uniform(0.04, 0.11),
              star=not oval, inner_ring=bool(rng.random() < 0.3), seed=seed)
    kind = rng.integers(4)
    if kind == 1:
        img = jpeg(img, int(rng.integers(30, 70)))
    elif kind == 2:
        img = scan(img, dpi_scale=rng.uniform(0.65, 1.0), grey=bool(rng.random() < 0.4), quality=int(rng.integers(40, 65)))
    elif kind == 3:
        img = photo(img, cast=tuple(rng.uniform(0.75, 1.05, 3)), shade=rng.uniform(0.6, 0.95), seed=seed)
    return img


def test_random_variants():
    """A handful of random pages each way (a wider sweep of `variant` was used in tuning)."""
    missed = [s for s in range(4) if not seals_in(variant(s, True))]
    false = [s for s in range(100, 104) if seals_in(variant(s, False))]
    assert not missed and not false, (missed, false)


# ---------------------------------------------------------------- through the readers

def _seal_png(path: Path, r: int = 80) -> Path:
    """A seal picture alone on a transparent background, as pasted into Word files."""
    a = seal_alpha(r, text="河南省天元市政工程有限公司")
    pic = Image.new("RGBA", a.size, SEAL_RED + (0,))
    pic.putalpha(a.point(lambda v: int(v * 0.92)))
    pic.save(path)
    return path


def _docx_with_seal(path: Path, seal: Path | None) -> Path:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("证　明")
    for line in BODY:
        d.add_paragraph(line)
    d.add_paragraph("河南省天元市政工程有限公司")
    p = d.add_paragraph("2023年5月20日")
    if seal:
        p.add_run().add_picture(str(seal), width=Pt(100))
    d.save(str(path))
    return path


def _digital_pdf(path: Path, seal: bool, red_head: bool = True) -> Path:
    """A born-digital notice: red head and rule, body text, an optional thin vector seal."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from conftest_helpers_ocr import _pdf_font

    f = _pdf_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    if red_head:
        c.setFillColorRGB(0.8, 0.1, 0.12)
        c.setFont(f, 30)
        c.drawCentredString(w / 2, h - 90, "河南省人力资源和社会保障厅文件")
        c.setStrokeColorRGB(0.8, 0.1, 0.12)
        c.setLineWidth(2)
        c.line(60, h - 130, w - 60, h - 130)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(f, 12)
    y = h - 180
    for line in BODY * 3:
        c.drawString(60, y, line)
        y -= 22
    cx, cy = w - 150, y - 30
    c.drawCentredString(cx, cy + 6, "河南省人力资源和社会保障厅")
    c.drawCentredString(cx, cy - 14, "2023年5月20日")
    if seal:  # a thin, light ring drawn over the signature, with a star
        c.setStrokeColorRGB(0.9, 0.3, 0.35)
        c.setFillColorRGB(0.9, 0.3, 0.35)
        c.setStrokeAlpha(0.7)
        c.setFillAlpha(0.7)
        c.setLineWidth(1.2)
        c.circle(cx, cy, 45, stroke=1, fill=0)
        p = c.beginPath()
        for k, (x, yy) in enumerate(_star(cx, cy, 14, rot=180)):
            (p.moveTo if k == 0 else p.lineTo)(x, yy)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
    c.showPage()
    c.save()
    return path


def test_docx_with_pasted_seal_picture(tmp_path):
    from pipeline.text import read_document

    doc = read_document(_docx_with_seal(tmp_path / "证明.docx", _seal_png(tmp_path / "seal.png")), "null")
    assert len(doc.pages) == 1 and len(doc.pages[0].seals) == 1
    assert doc.pages[0].seals[0].y1 <= doc.pages[0].height
    doc = read_document(_docx_with_seal(tmp_path / "无章.docx", None), "null")
    assert doc.pages[0].seals == []


def test_born_digital_pdf_thin_vector_seal_and_red_head(tmp_path):
    from pipeline.text import read_document

    doc = read_document(_digital_pdf(tmp_path / "sealed.pdf", seal=True), "null")
    (box,) = doc.pages[0].seals
    assert doc.source == "pdf_text" and 80 < box.x1 - box.x0 < 100  # points: radius 45
    assert read_document(_digital_pdf(tmp_path / "head.pdf", seal=False), "null").pages[0].seals == []


def test_bench_seals_reports_per_render_and_misses(tmp_path, capsys):
    import json

    from pipeline.bench_seals import main

    img, _, _ = sealed_page()
    jpeg(img, 70).save(tmp_path / "sealed.jpg")
    red_head(page()).save(tmp_path / "head.png")
    page().save(tmp_path / "missed.png")  # labelled as sealed: a miss
    docs = [{"path": "sealed.jpg", "render": "photo_jpeg", "doc_kind": "employer_proof", "fields": {"has_seal": "true"}},
            {"path": "head.png", "render": "photo_png", "doc_kind": "training_notice", "fields": {"has_seal": "false"}},
            {"path": "missed.png", "render": "photo_png", "doc_kind": "employer_proof", "fields": {"has_seal": "true"},
             "seals": [{"page": 1}]}]
    (tmp_path / "labels.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    assert main([str(tmp_path), "--save-misses", str(tmp_path / "misses")]) == 0
    out = capsys.readouterr().out
    assert "photo_jpeg" in out and "employer_proof" in out and "MISS" in out and "missed.png" in out
    assert "FALSE+" not in out and list((tmp_path / "misses").iterdir())
