"""Node labels short enough to read on a map: wrapped on word boundaries, shortened with "…".

The full name stays in the tooltip and the details panel; the label only has to identify the
node at a glance, so two or three lines of about 22 characters are enough.
"""

from __future__ import annotations

LINE_CHARS = 22
MAX_LINES = 3
_NBSP = "\u00a0"


def wrap_label(name: str, suffix: str = "", width: int = LINE_CHARS, max_lines: int = MAX_LINES) -> str:
    """``name`` broken into lines of at most ``width`` characters (a longer word gets its own
    line, cut); ``suffix`` (e.g. ``· KZ``) is never split from the last word.

    >>> wrap_label("Constitutional Court of the Kyrgyz Republic", "· KG")
    'Constitutional Court\\nof the Kyrgyz Republic · KG'
    """
    words = " ".join(name.split()).split(" ") if name.strip() else []
    if suffix:
        if words:
            words[-1] = words[-1] + _NBSP + suffix.replace(" ", _NBSP)
        else:
            words = [suffix.replace(" ", _NBSP)]
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        room = width + (len(suffix) + 1 if suffix and _NBSP in word else 0)  # the suffix may overhang
        if len(candidate) <= room or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    lines = [_cut(line, width + len(suffix) + 1) for line in lines]
    if len(lines) > max_lines:
        tail = _cut(lines[max_lines - 1], width - 1).rstrip(" ,;:") + "…"
        lines = lines[: max_lines - 1] + [tail + (" " + suffix if suffix and suffix not in tail else "")]
    return "\n".join(lines).replace(_NBSP, " ")


def _cut(line: str, limit: int) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"
