"""The report for the shipped letter, rendered by a real headless Chromium (installed by .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.engine import verify
from factcheck.formatters.html import render_html

ROOT = Path(__file__).resolve().parents[1]
# Chromium as a sandboxed root process needs these; the networking flags keep it off the network.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs the Debian package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    browser = _chromium()
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    page.write_text(render_html(verify([ROOT / "facts.yaml"], cwd=ROOT)), encoding="utf-8")
    profile = [f"--user-data-dir={folder / 'profile'}"]
    dom = subprocess.run([browser, *FLAGS, *profile, "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    shot = folder / "report.png"
    subprocess.run([browser, *FLAGS, *profile, f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return dom, shot, page


def test_browser_dom_has_the_key_elements(rendered: tuple[str, Path, Path]) -> None:
    dom, _, _ = rendered
    for section in ("summary", "findings", "breakdowns", "timeline", "agreements"):
        assert f'<section id="{section}">' in dom
    assert dom.count('<svg class="breakdown"') == dom.count('<figure class="breakdown-figure"') >= 2
    assert dom.count('<svg class="timeline"') == 1
    assert '<td id="summary-errors">0</td>' in dom


def test_browser_takes_a_screenshot(rendered: tuple[str, Path, Path]) -> None:
    _, shot, _ = rendered
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000  # an empty white page compresses to a few hundred bytes
