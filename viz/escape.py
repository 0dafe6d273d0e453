"""Putting untrusted text (news titles, names, evidence sentences) into an HTML page safely.

Data travels as JSON inside ``<script type="application/json">`` and is read back with
``JSON.parse``; the page's script writes it only through ``textContent`` and vis-network draws
labels on a canvas and plain-text tooltips. The one place where text could break out is the
JSON island itself: ``</script>`` or ``<!--`` inside a string would end or bend the element, so
``<``, ``>`` and ``&`` are written as JSON unicode escapes, as are U+2028/U+2029.
"""

from __future__ import annotations

import html
import json
from typing import Any

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_for_script(data: Any) -> str:
    """Deterministic JSON that is safe as the text of a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_SCRIPT_SAFE)


def html_text(text: str) -> str:
    """Text for an HTML element or attribute value."""
    return html.escape(text, quote=True)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown as links: ``javascript:`` and friends become nothing."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None
