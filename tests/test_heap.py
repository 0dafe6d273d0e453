"""judikg.heap: freed memory goes back to the OS, so the ingest parent's RSS does not grow with the corpus."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from judikg.heap import release_free_memory

# Runs in its own process: the RSS of the pytest process says nothing reliable.
_SCRIPT = textwrap.dedent(
    """
    import threading
    from judikg.heap import release_free_memory

    def rss_mb():
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:")) / 1024

    # What the ingest parent does: blocks of an article's N-Quads size allocated on another
    # thread (another arena), most freed, a few kept, so the freed ones cannot shrink the heap top.
    kept = []
    def churn():
        blocks = [bytes(150_000) for _ in range(1500)]
        kept.extend(blocks[::100])
        # freeing a large block raises glibc's mmap threshold: these now come from the arena
        more = [bytearray(150_000) for _ in range(1500)]
        kept.extend(more[::100])
    t = threading.Thread(target=churn)
    t.start()
    t.join()
    before = rss_mb()
    assert release_free_memory()
    after = rss_mb()
    print(before, after)
    """
)


@pytest.mark.skipif(not Path("/proc/self/status").exists() or sys.platform != "linux", reason="reads RSS from /proc (Linux)")
def test_freed_blocks_go_back_to_the_os() -> None:
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True).stdout
    before, after = (float(x) for x in out.split())
    assert before - after > 50, f"RSS {before:.0f} MB before and {after:.0f} MB after release_free_memory()"


def test_release_is_safe_to_call_repeatedly() -> None:
    assert release_free_memory() == release_free_memory()
