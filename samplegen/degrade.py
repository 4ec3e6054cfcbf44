"""Make clean page images look scanned or photographed.

`scan` — grey paper, skew up to ±1.5°, blur, sensor noise, specks, optional greyscale.
`photo` — the page lying on a desk: perspective warp, rotation of a few degrees, uneven
lighting with a soft shadow, colour cast, blur and noise, resized to a phone-like size; a
few are stored sideways (90°), with or without an EXIF orientation tag.
All randomness comes from the numpy Generator passed in.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image


def _noise(arr: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    """Gaussian sensor noise, generated at half resolution (grainier, compresses better)."""
    h, w = arr.shape[:2]
    n = rng.normal(0, sigma, (h // 2 + 1, w // 2 + 1, 1)).astype(np.float32)
    n = cv2.resize(n, (w, h), interpolation=cv2.INTER_LINEAR)
    if n.ndim == 2:
        n = n[..., None]
    return arr + n


def _smooth_field(rng: np.random.Generator, h: int, w: int, cells: int = 4) -> np.ndarray:
    low = rng.normal(0, 1, (cells, cells)).astype(np.float32)
    return cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC)


def scan(img: Image.Image, rng: np.random.Generator, gray: bool | None = None) -> Image.Image:
    """A flatbed/copier scan of the page."""
    arr = np.asarray(img.convert("RGB"), dtype=np.float32)
    h, w = arr.shape[:2]
    tone = rng.uniform(222, 246)
    tint = np.array([1.0, rng.uniform(0.985, 1.0), rng.uniform(0.95, 0.99)], dtype=np.float32)
    paper = (tone * tint)[None, None, :] + 5 * _smooth_field(rng, h, w, 3)[..., None]
    arr = arr / 255.0 * paper
    angle = rng.uniform(-1.5, 1.5)
    m = cv2.getRotationMatrix2D((w / 2 + rng.uniform(-20, 20), h / 2), angle, 1.0)
    m[:, 2] += rng.uniform(-12, 12, 2)
    border = float(rng.choice([250.0, 235.0, 40.0]))
    arr = cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=(border, border, border))
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.45, 0.9))
    arr = _noise(arr, rng, rng.uniform(1.8, 3.5))
    # dust specks
    for _ in range(int(rng.integers(3, 25))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.circle(arr, (x, y), int(rng.integers(1, 3)), (60.0, 60.0, 60.0), -1)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if gray is None:
        gray = rng.random() < 0.45
    return out.convert("L") if gray else out


DESKS = [(120, 86, 60), (160, 122, 88), (90, 92, 96), (200, 198, 192), (60, 58, 62), (178, 160, 140)]


def photo(img: Image.Image, rng: np.random.Generator, long_side: int = 1800,
          sideways: int = 0) -> Image.Image:
    """A phone photo of the page (RGB). `sideways` = +90/-90 stores the picture turned."""
    page = np.asarray(img.convert("RGB"), dtype=np.float32)
    ph, pw = page.shape[:2]
    scale = rng.uniform(1.12, 1.32)
    W, H = int(pw * scale), int(ph * scale)
    desk = np.array(DESKS[int(rng.integers(len(DESKS)))], dtype=np.float32)
    bg = np.ones((H, W, 3), np.float32) * desk[None, None, :]
    bg += 14 * _smooth_field(rng, H, W, 6)[..., None]
    grain = rng.normal(0, 1, (H // 8 + 1, W // 2 + 1)).astype(np.float32)  # wood-like streaks
    bg += 6 * cv2.resize(grain, (W, H), interpolation=cv2.INTER_LINEAR)[..., None]
    # page corners placed with a random perspective and a small rotation
    cx, cy = W / 2 + rng.uniform(-0.03, 0.03) * W, H / 2 + rng.uniform(-0.03, 0.03) * H
    ang = np.deg2rad(rng.uniform(-4.5, 4.5))
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    half = np.float32([[-pw / 2, -ph / 2], [pw / 2, -ph / 2], [pw / 2, ph / 2], [-pw / 2, ph / 2]]) * rng.uniform(0.9, 0.98)
    rot = np.float32([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]])
    dst = half @ rot.T + np.float32([cx, cy])
    jitter = rng.uniform(-0.035, 0.035, (4, 2)).astype(np.float32) * np.float32([pw, ph])
    # keystone: the far edge looks shorter
    k = rng.uniform(0.0, 0.05) * pw
    dst[0, 0] += k
    dst[1, 0] -= k
    dst = dst + jitter
    M = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    warped = cv2.warpPerspective(page, M, (W, H), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), M, (W, H), flags=cv2.INTER_LINEAR)
    mask = cv2.GaussianBlur(mask, (0, 0), 1.2)
    # a soft drop shadow of the sheet on the desk
    shadow = cv2.GaussianBlur(np.roll(mask, (int(W * 0.008), int(H * 0.01)), axis=(1, 0)), (0, 0), 9)
    bg = bg * (1 - 0.35 * shadow)[..., None]
    mask = mask[..., None]
    arr = warped * mask + bg * (1 - mask)
    # lighting: linear gradient + a dark blob (hand / phone shadow)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    theta = rng.uniform(0, 2 * np.pi)
    grad = (np.cos(theta) * (xx / W - 0.5) + np.sin(theta) * (yy / H - 0.5))
    light = 1.0 + rng.uniform(0.12, 0.32) * grad
    bx, by = rng.uniform(0, W), rng.uniform(0, H)
    br = rng.uniform(0.25, 0.5) * max(W, H)
    blob = np.exp(-(((xx - bx) ** 2 + (yy - by) ** 2) / (2 * br ** 2)))
    light *= 1.0 - rng.uniform(0.1, 0.3) * blob
    cast = np.array([rng.uniform(0.96, 1.04), 1.0, rng.uniform(0.9, 1.02)], np.float32)
    arr = arr * light[..., None] * cast[None, None, :] * rng.uniform(0.88, 1.0)
    # resize to the phone's resolution, then blur and noise
    f = long_side / max(W, H)
    arr = cv2.resize(arr, (int(W * f), int(H * f)), interpolation=cv2.INTER_AREA)
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(0.5, 1.1))
    if rng.random() < 0.25:  # slight motion blur
        k = int(rng.integers(3, 6))
        kern = np.zeros((k, k), np.float32)
        kern[k // 2, :] = 1.0 / k
        arr = cv2.filter2D(arr, -1, kern)
    arr = _noise(arr, rng, rng.uniform(1.5, 3.5))
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if sideways == 90:
        out = out.transpose(Image.Transpose.ROTATE_270)  # stored turned clockwise
    elif sideways == -90:
        out = out.transpose(Image.Transpose.ROTATE_90)
    return out
