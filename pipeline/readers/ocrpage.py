"""OCR one page image into a `Page`: seals, seal clean-up, orientation, text lines, a vote
of crop readings on the date lines a seal meets, and a second reading of a page whose date
line a seal garbled."""

from __future__ import annotations

import numpy as np

from pipeline.ocr.base import OcrEngine, check_image
from pipeline.readers.dateline import (
    MAX_LEN as DATE_LINE_MAX, clean_date, dates_doubtful, merge_dates, partial_date, reread_dates, spans_days,
    vote_seal_dates)
from pipeline.readers.dategap import fill_hidden
from pipeline.readers.idline import reread_ids
from pipeline.readers.orient import read_upright, rotate_box, rotate_image
from pipeline.readers.rectify import map_box, prepare_photo
from pipeline.readers.seals import find_seals, looks_grey
from schemas.document import BBox, Page


def soften_seals(image: np.ndarray, seals: list[BBox]) -> np.ndarray:
    """Return a copy of `image` where each seal box shows only its red channel as grey.

    Red ink is bright in the red channel while black text stays dark, so text stamped over
    by a seal reads cleanly (e.g. "河南省继续医学教育委员会" instead of "河南省迷续医").
    Only seal boxes are touched: red title text elsewhere must stay legible.
    """
    if not seals:
        return image
    out = image.copy()
    for box in _seal_boxes(image, seals):
        out[box] = out[box][..., :1]
    return out


def _seal_boxes(image: np.ndarray, seals: list[BBox]) -> list[tuple[slice, slice]]:
    """The pixel rows and columns of each seal box, within the image."""
    h, w = image.shape[:2]
    return [(slice(max(0, int(b.y0)), min(h, int(np.ceil(b.y1)) + 1)), slice(max(0, int(b.x0)), min(w, int(np.ceil(b.x1)) + 1)))
            for b in seals]


class _PhotoReader:
    """An engine seen through its photo mode (`recognize_photo`) when it has one."""

    def __init__(self, engine: OcrEngine):
        self.kind, self.version = engine.kind, engine.version
        self.recognize = getattr(engine, "recognize_photo", engine.recognize)


def unmix_seals(image: np.ndarray, seals: list[BBox], redness: int = 20) -> np.ndarray:
    """A copy of `image` where each seal box shows its red channel as grey with the seal's own
    ink taken out: pixels clearly red (red above green and blue by `redness`, and their
    1-px rim) that are not dark become the paper around them (the median of the box's other
    light pixels). soften_seals leaves the ring as a light grey band the detector cuts lines
    at ('月24日' for '2023年9月24日'); here the ring is gone, while black text under it,
    dark in every channel, stays."""
    import cv2

    if not seals:
        return image
    out = image.copy()
    for box in _seal_boxes(image, seals):
        px = out[box].astype(np.int16)
        r = px[..., 0]
        red = ((r - np.maximum(px[..., 1], px[..., 2])) > redness).astype(np.uint8)
        red = cv2.dilate(red, np.ones((3, 3), np.uint8)).astype(bool)
        dark = r < np.percentile(r, 50) - 40
        paper = r[~red & ~dark]
        level = np.median(paper) if paper.size else np.percentile(r, 90)
        out[box] = np.where(red & ~dark, level, r).clip(0, 255).astype(np.uint8)[..., None]
    return out


def _settle_dates(upright: np.ndarray, lines: list, engine: OcrEngine, seals: list[BBox], views,
                  all_seals: list[BBox]) -> list:
    """Date lines a seal meets settled by a vote of readings of their crops (`seals`: none on
    a grey page), numerals a seal hid from a date in numerals put back (pipeline.readers.
    dategap; every seal), then garbled date lines read again (pipeline.readers.dateline) and
    resident IDs that fail their check digit (pipeline.readers.idline), when the engine can
    recognise a single crop. Seals and `views()` (the renderings the vote reads) are in
    `upright`'s pixels."""
    crop_reader = getattr(engine, "recognize_crop", None)
    if not crop_reader:
        return lines
    if seals:
        lines = vote_seal_dates(lines, seals, views, crop_reader)
    if all_seals and (align := getattr(engine, "recognize_crop_aligned", None)):
        lines = fill_hidden(lines, all_seals, upright, align)
    return reread_ids(upright, reread_dates(upright, lines, crop_reader), crop_reader)


def _read(image: np.ndarray, seals: list[BBox], clean: np.ndarray, engine: OcrEngine, photo: bool,
          vote: bool) -> tuple[list, int]:
    """(lines in the pixels of `clean` — `image` with its seals' ink softened or taken out —
    turned upright, rotation) — see ocr_page. `vote`: settle date lines under the seals by a
    vote of renderings (not on a grey page, where every rendering is the same grey)."""
    h, w = clean.shape[:2]
    prep = prepare_photo(clean) if photo else None
    if prep is not None and prep.matrix is not None:
        reading = read_upright(prep.image, _PhotoReader(engine))
        rot = reading.rotation
        ph, pw = prep.image.shape[:2]
        upright = rotate_image(prep.image, rot)

        def flat(img: np.ndarray) -> np.ndarray:  # another rendering, sent where the sheet went
            import cv2

            return rotate_image(cv2.warpPerspective(img, prep.matrix, (pw, ph), flags=cv2.INTER_CUBIC,
                                                    borderMode=cv2.BORDER_REPLICATE), rot)

        flat_seals = [rotate_box(map_box(b, prep.matrix, pw, ph), rot, pw, ph) for b in seals]
        read_lines = _settle_dates(upright, reading.lines, engine, flat_seals if vote else [],
                                   lambda: (upright, flat(unmix_seals(image, seals)), flat(image)), flat_seals)
        tw, th = (ph, pw) if rot in (90, 270) else (pw, ph)  # the turned sheet's size
        lines = []
        for line in read_lines:
            box = rotate_box(line.bbox, (360 - rot) % 360, tw, th)  # back onto the flat sheet
            box = rotate_box(prep.box_to_original(box, w, h), rot, w, h)
            lines.append(line.model_copy(update={"bbox": box, "layout": line.bbox}))
        return lines, rot
    reading = read_upright(clean, engine)
    rot = reading.rotation
    upright = rotate_image(clean, rot)
    views = lambda: (upright, rotate_image(unmix_seals(image, seals), rot), rotate_image(image, rot))  # noqa: E731
    turned = [rotate_box(b, rot, w, h) for b in seals]
    return _settle_dates(upright, reading.lines, engine, turned if vote else [], views, turned), rot


def _date_by_seal(lines: list, seals: list[BBox]) -> bool:
    """Some short line (a signature date's, not a sentence dating something else, nor a
    form's period '2023.6.26-6.30') within a seal's height above or below it reads as a clean
    date."""
    return any(len(ln.text.replace(" ", "")) <= DATE_LINE_MAX and clean_date(ln.text) and not spans_days(ln.text)
               and s.y0 - (s.y1 - s.y0) <= (ln.bbox.y0 + ln.bbox.y1) / 2 <= s.y1 + (s.y1 - s.y0)
               for s in seals for ln in lines)


def read_around_seals(image: np.ndarray, seals: list[BBox], engine: OcrEngine) -> list:
    """Lines read from the neighbourhood of each seal on its own (the signature block: issuer
    and date, which sit across the seal and run out to its left), boxes in `image` pixels.
    On a grey scan the ring and the seal's text are as dark as the date's strokes; detected
    within the whole page the date line is lost or cut, detected within this crop it often
    is not. A date printed inside the ring is read from the seal's lower half on its own too
    (on the tuning sets' grey scans with no date by their seal: 3 → 7 of 19 dates read,
    none wrong)."""
    h, w = image.shape[:2]
    out = []
    for s in seals:
        sw, sh = s.x1 - s.x0, s.y1 - s.y0
        # the neighbourhood, then the seal's lower half (widened a little): a date printed
        # inside the ring is cut off from the ring's own text there
        for fx0, fy0, fx1, fy1 in ((-1.5, -0.2, 1.8, 1.3), (-0.3, 0.45, 1.3, 0.9)):
            x0, x1 = max(0, int(s.x0 + fx0 * sw)), min(w, int(s.x0 + fx1 * sw))
            y0, y1 = max(0, int(s.y0 + fy0 * sh)), min(h, int(s.y0 + fy1 * sh))
            if x1 - x0 < 16 or y1 - y0 < 16:
                continue
            for ln in engine.recognize(np.ascontiguousarray(image[y0:y1, x0:x1])):
                b = ln.bbox
                out.append(ln.model_copy(update={"bbox": BBox(x0=b.x0 + x0, y0=b.y0 + y0, x1=b.x1 + x0, y1=b.y1 + y0)}))
    return out


def ocr_page(image: np.ndarray, engine: OcrEngine, number: int, photo: bool = False) -> Page:
    """Read an RGB page image: detect seals, OCR upright, report everything in the upright
    image's pixel space (Page.width/height are the upright image's size).

    `photo`: the image may be a phone photo of a sheet (an image file, not a scan in a PDF).
    When a sheet is found in it (pipeline.readers.rectify), the OCR reads the sheet warped
    flat and upright, in the engine's photo mode; line boxes are mapped back onto the
    original picture (the bounding rectangle of each box's mapped corners). Seals are always
    found on the original.

    Each short date line a seal meets is read again from several renderings of its crop and
    settled by their vote (dateline.vote_seal_dates; not on grey pages), before garbled date
    lines are re-read. A page with seals where a date line read garbled is read a second time with the seals'
    ink taken out (unmix_seals), and its clean date lines go where the first reading had
    none (dateline.merge_dates); the first reading is kept for everything else. On a grey
    scan there is no red ink to take out: when no clean date reads by a seal, the seals'
    neighbourhoods are read on their own instead (read_around_seals) and merged the same way;
    when those readings give no full date either, the month and day most of them give goes
    in (dateline.partial_date: '二三年七月七日', the year's first numerals under the ring),
    its year left to the extractors. On every page with seals, a date in numerals a seal
    meets gets back the numerals the recogniser's pace shows hidden (dategap.fill_hidden).
    """
    image = check_image(image)
    h, w = image.shape[:2]
    seals = find_seals(image)
    grey = bool(seals) and looks_grey(image)
    softened = soften_seals(image, seals)
    lines, rot = _read(image, seals, softened, engine, photo, vote=not grey)
    if grey and not photo and rot == 0 and not _date_by_seal(lines, seals):
        around = read_around_seals(image, seals, engine)
        lines = merge_dates(lines, around)
        if not _date_by_seal(lines, seals):  # no full date there: a month and day is better than none
            lines = merge_dates(lines, partial_date(around), partial=True)
        if align := getattr(engine, "recognize_crop_aligned", None):  # (the date may have come from around)
            lines = fill_hidden(lines, seals, softened, align)
    elif seals and getattr(engine, "recognize_crop", None) and dates_doubtful(lines):
        # the date may lie under a seal: read the page again with the seal's ink taken out
        # and take the clean date lines that reading gives where the first gave none
        again, rot_again = _read(image, seals, unmix_seals(image, seals), engine, photo, vote=not grey)
        if rot_again == rot:
            lines = merge_dates(lines, again)
    width, height = (h, w) if rot in (90, 270) else (w, h)
    return Page(
        number=number,
        width=float(width),
        height=float(height),
        lines=lines,
        rotation=rot,
        seals=[rotate_box(b, rot, w, h) for b in seals],
    )
