"""Give freed heap memory back to the operating system between store writes.

Why: with worker processes, the parent receives each article's N-Quads on the pool's result
thread and joins a batch of them (~50 MB) on the writer thread. glibc serves those threads from
different arenas and, once a large block has been freed, raises its mmap threshold so that later
blocks of that size come from the arenas instead of fresh mappings. The freed memory stays mapped
and fragmented, and the parent's resident size grew with corpus size (+68 MB over 2 000 more 4 KB
articles with 2 workers, measured with ``python -m bench.ingest_speed --articles 3000 --workers 2``)
although nothing was kept. ``malloc_trim(0)`` returns the free pages of every arena after each write
(+28 MB on the same run, what the store's own caches grow by; ~1 ms a call).

Elsewhere than glibc (macOS, musl, Windows) there is nothing to call and :func:`release_free_memory`
does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache

__all__ = ["release_free_memory"]


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        trim = libc.malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def release_free_memory() -> bool:
    """Return the process's free heap pages to the OS; False where the C library cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
