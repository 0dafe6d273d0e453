"""Open a map in Debian's headless Chromium with the network cut off, and report what happened.

Shared by tests/test_map_browser.py and bench/map_5000.py. Selenium drives /usr/bin/chromedriver;
the network is cut three ways (a dead proxy, a resolver that resolves nothing, and DevTools
offline emulation) so that any request the page makes fails and is logged.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("JUDIKG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("JUDIKG_CHROMEDRIVER", "/usr/bin/chromedriver")


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).exists() or shutil.which(path)):
            return f"{path} not found: install the Debian packages chromium and chromium-driver (.ci/run does)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed: pip install -e '.[test]'"
    return None


@dataclass(slots=True)
class PageReport:
    seconds_to_ready: float
    nodes: int
    edges: int
    console_errors: list[str]
    requests: list[str]  # every URL the page asked for besides itself
    failed_requests: list[str]
    xss: Any
    alert: str | None
    pixel_stddev: float
    extra: dict[str, Any] = field(default_factory=dict)


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="judikg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={width},{height}",
                 "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_map(driver: Any, path: Path, timeout: float = 60.0) -> PageReport:
    """Load ``path``, wait until the page says it has drawn and settled, and collect the evidence."""
    from selenium.common.exceptions import NoAlertPresentException

    url = path.resolve().as_uri()
    driver.get_log("performance")  # drain what the start page did: only this page's requests count
    driver.get_log("browser")
    start = time.monotonic()
    driver.get(url)
    ready = False
    alert = None
    while time.monotonic() - start < timeout:
        try:
            alert = driver.switch_to.alert.text
            driver.switch_to.alert.accept()
        except NoAlertPresentException:
            pass
        if driver.execute_script("return !!(window.judikgMap && window.judikgMap.ready)"):
            ready = True
            break
        time.sleep(0.05)
    elapsed = time.monotonic() - start
    if not ready:
        elapsed = float("inf")
    counts = driver.execute_script(
        "var n = window.judikgMap && window.judikgMap.network;"
        "return n ? [n.body.data.nodes.length, n.body.data.edges.length] : [-1, -1];"
    )
    xss = driver.execute_script("return window.__xss === undefined ? null : window.__xss;")
    console = [e["message"] for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]
    requests, failed = [], []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            req_url = msg["params"]["request"]["url"]
            if req_url != url and not req_url.startswith("data:"):
                requests.append(req_url)
        elif msg["method"] == "Network.loadingFailed":
            failed.append(f"{msg['params'].get('errorText')} {msg['params'].get('requestId')}")
    png = driver.find_element("id", "network").screenshot_as_png
    return PageReport(elapsed, counts[0], counts[1], console, requests, failed, xss, alert, png_stddev(png))


# --------------------------------------------------------------------------- PNG pixels


def png_stddev(png: bytes) -> float:
    """Standard deviation of the grey levels of a PNG (8-bit RGB/RGBA, as Chromium writes)."""
    pos, chunks = 8, []
    width = height = colour = 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    prev = bytearray(stride)
    total = total_sq = count = 0
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            ul = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 255
            elif kind == 4:
                p = left + up - ul
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
        for x in range(0, stride, bpp * 4):  # every 4th pixel is plenty for a variance
            grey = (line[x] + line[x + 1] + line[x + 2]) / 3
            total += grey
            total_sq += grey * grey
            count += 1
        prev = line
    mean = total / count
    return max(0.0, total_sq / count - mean * mean) ** 0.5
