"""Deterministic random streams derived from one seed and a string key.

Every document, image and claim takes its own stream (``sub_random(seed, "doc", path)``),
so the output depends only on the seed and on what is generated, never on call order
across unrelated parts or on Python's hash randomisation.
"""

from __future__ import annotations

import hashlib
import random

import numpy as np


def _digest(seed: int, *keys: object) -> int:
    text = "\x1f".join([str(seed), *map(str, keys)])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def sub_random(seed: int, *keys: object) -> random.Random:
    """A `random.Random` stream for (seed, *keys)."""
    return random.Random(_digest(seed, *keys))


def sub_numpy(seed: int, *keys: object) -> np.random.Generator:
    """A numpy `Generator` stream for (seed, *keys)."""
    return np.random.default_rng(_digest(seed, *keys))


def weighted(rng: random.Random, table: dict) -> object:
    """Pick a key of `table` with probability proportional to its value (stable key order)."""
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys], k=1)[0]
