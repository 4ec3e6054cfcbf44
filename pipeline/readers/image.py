"""Image files (JPEG, PNG, TIFF incl. multi-page, WebP, BMP, GIF) → OCR'd `DocumentText`."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from pipeline.ocr.base import OcrEngine
from pipeline.readers.errors import UnreadableFile
from pipeline.readers.ocrpage import ocr_page
from schemas.document import DocumentText, Page

MAX_PIXELS = 60_000_000  # per frame; larger is refused before decoding (decompression bomb)
MAX_SIDE = 2500  # OCR input is downscaled to this; text stays ≥ ~20 px high on A4 photos
MAX_FRAMES = 50


def _open(path: Path):
    from PIL import Image, UnidentifiedImageError

    # Pillow's own bomb guard raises inside open() without the dimensions; lift it just for
    # the (lazy, header-only) open so check_size() can refuse with a precise reason.
    saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        return Image.open(path)
    except UnidentifiedImageError:
        raise UnreadableFile("corrupt image: not a decodable image file (图片损坏)")
    except (OSError, ValueError, SyntaxError) as e:
        raise UnreadableFile(f"corrupt image: {e} (图片损坏)")
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def check_size(w: int, h: int) -> None:
    """Refuse empty images and decompression bombs from header dimensions alone."""
    if w <= 0 or h <= 0:
        raise UnreadableFile(f"zero-size image ({w}×{h}) (图片为空)")
    if w * h > MAX_PIXELS:
        raise UnreadableFile(
            f"image too large: {w}×{h} = {w * h / 1e6:.0f} megapixels exceeds "
            f"{MAX_PIXELS // 1_000_000} MP (possible decompression bomb, 图片过大)"
        )


def to_rgb(img, max_side: int = MAX_SIDE) -> tuple[np.ndarray, list[str]]:
    """Decode one frame to an upright (EXIF), RGB, white-backed array no larger than max_side."""
    from PIL import Image, ImageOps

    warnings: list[str] = []
    if img.format == "JPEG" and max(img.size) > 2 * max_side:
        img.draft("RGB", (max_side, max_side))  # DCT-domain downscale: decode 2-8× faster
    img.load()
    img = ImageOps.exif_transpose(img)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        img = Image.new("RGB", rgba.size, (255, 255, 255))
        img.paste(rgba, mask=rgba.getchannel("A"))
    elif img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        hi = max(float(arr.max()), 1.0)
        img = Image.fromarray((arr * (255.0 / hi)).astype(np.uint8))
    if img.mode != "RGB":
        img = img.convert("RGB")
    if max(img.size) > max_side:
        before = img.size
        img.thumbnail((max_side, max_side), Image.LANCZOS)
        warnings.append(f"downscaled from {before[0]}×{before[1]} to {img.size[0]}×{img.size[1]}")
    return np.asarray(img), warnings


def read_image(path: Path, engine: Callable[[], OcrEngine]) -> DocumentText:
    """OCR every frame of an image file; raises UnreadableFile for corrupt, empty or huge images.

    All frame headers are checked before anything is decoded; `engine` is called once, after.
    """
    img = _open(path)
    with img:
        n = getattr(img, "n_frames", 1)
        if n > MAX_FRAMES:
            raise UnreadableFile(f"too many pages: {n} frames (limit {MAX_FRAMES}, 页数过多)")
        try:
            for i in range(n):
                img.seek(i)
                check_size(*img.size)
        except (OSError, ValueError, SyntaxError, EOFError) as e:
            raise UnreadableFile(f"corrupt image: {e} (图片损坏)")
        pages: list[Page] = []
        warnings: list[str] = []
        for i in range(n):
            try:
                img.seek(i)
                arr, w = to_rgb(img)
            except (OSError, ValueError, SyntaxError, EOFError) as e:
                raise UnreadableFile(f"corrupt image: {e} (图片损坏)")
            page = ocr_page(arr, engine(), i + 1, photo=True)
            warnings += [f"page {i + 1}: {m}" for m in w]
            if page.rotation:
                warnings.append(f"page {i + 1}: turned {page.rotation}° clockwise to read")
            pages.append(page)
    return DocumentText(source="ocr", engine=engine().kind, pages=pages, warnings=warnings)
