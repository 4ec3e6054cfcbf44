"""Bounded edit distance and approximate substring search (pure Python, for short strings:
organisation names, place names, titles)."""

from __future__ import annotations


def edit_distance(a: str, b: str, bound: int | None = None) -> int:
    """Levenshtein distance (insert, delete, substitute: 1 each). With `bound`, any distance
    above it is reported as bound + 1 (and computed faster)."""
    if a == b:
        return 0
    if bound is not None and abs(len(a) - len(b)) > bound:
        return bound + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if bound is not None and min(cur) > bound:
            return bound + 1
        prev = cur
    d = prev[-1]
    return d if bound is None or d <= bound else bound + 1


def find_approx(pattern: str, text: str) -> tuple[int, int, int]:
    """The substring of `text` closest to `pattern` by edit distance: (distance, start, end).
    Semi-global alignment: skipping text before and after the match is free. Among equally
    close substrings the one ending first is returned, from its earliest start."""
    m, n = len(pattern), len(text)
    if m == 0:
        return 0, 0, 0
    # D[i][j]: distance of pattern[:i] to the best substring ending at text[j]; S: its start.
    prev_d = [0] * (n + 1)
    prev_s = list(range(n + 1))
    for i in range(1, m + 1):
        cur_d = [i] + [0] * n
        cur_s = [0] + [0] * n
        pc = pattern[i - 1]
        for j in range(1, n + 1):
            # (distance, start): on a tie the earlier start wins, so the match is the longest
            cur_d[j], cur_s[j] = min((prev_d[j - 1] + (pc != text[j - 1]), prev_s[j - 1]),
                                     (prev_d[j] + 1, prev_s[j]),  # a pattern character unmatched
                                     (cur_d[j - 1] + 1, cur_s[j - 1]))  # an extra text character
        prev_d, prev_s = cur_d, cur_s
    dist = min(prev_d)
    end = next(j for j in range(n + 1) if prev_d[j] == dist)
    return dist, prev_s[end], end
