"""The report for the shipped letter, rendered by a real headless Chromium (installed by .ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from factbase import fact, fact_base_yaml, rule, write_base
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


def _run(browser: str, folder: Path, *args: str) -> str:
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={folder / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Path]:
    browser = _chromium()
    folder = tmp_path_factory.mktemp("report")
    page = folder / "report.html"
    page.write_text(render_html(verify([ROOT / "facts.yaml"], cwd=ROOT)), encoding="utf-8")
    dom = _run(browser, folder, "--dump-dom", page.as_uri())
    shot = folder / "report.png"
    _run(browser, folder, f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri())
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


# Reports every line box of each source line's text, and the right edge of its line number.
_MEASURE = """<pre id="boxes"></pre><script>
const lines = [...document.querySelectorAll("pre.context .t")].map(text => {
  const range = document.createRange();
  range.selectNodeContents(text);
  const gutter = text.previousElementSibling.getBoundingClientRect().right;
  return {gutter, lefts: [...range.getClientRects()].map(box => box.left),
          tops: new Set([...range.getClientRects()].map(box => Math.round(box.top))).size};
});
document.getElementById("boxes").textContent = JSON.stringify(lines);
</script>"""
LONG_LINE = ("De regering heeft besloten de bijdrage aan de strijd tegen ISIS te verlengen, waarbij "
             "de kosten voor 2016 worden geraamd op 3 miljoen euro, " * 2).strip()


@pytest.fixture(scope="module")
def wrapped(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The report of a failing sum whose facts are quoted from one long source line, in a narrow window."""
    browser = _chromium()
    folder = tmp_path_factory.mktemp("wrapped")
    quote = "worden geraamd op 3 miljoen euro"
    facts = [fact(name, value, "EUR million", quote=quote) for name, value in (("whole", 9), ("a", 3), ("b", 3))]
    text = fact_base_yaml(facts, [rule("split", "sum", total="whole", parts=["a", "b"])])
    path = write_base(folder, text, source=f"Eerste regel.\n{LONG_LINE}\nLaatste regel.\n")
    page = folder / "report.html"
    page.write_text(render_html(verify([path], cwd=folder, root=folder)).replace("</body>", _MEASURE + "</body>"),
                    encoding="utf-8")
    shot = folder / "wrapped.png"
    _run(browser, folder, f"--screenshot={shot}", "--window-size=700,900", page.as_uri())
    return _run(browser, folder, "--window-size=700,900", "--dump-dom", page.as_uri()), shot


def test_wrapped_source_lines_stay_right_of_the_line_numbers(wrapped: tuple[str, Path]) -> None:
    dom, shot = wrapped
    boxes = json.loads(dom.split('<pre id="boxes">', 1)[1].split("</pre>", 1)[0])
    assert len(boxes) == 3 * 3  # three facts, each quoted with the line before and after
    assert [line["tops"] > 1 for line in boxes] == [False, True, False] * 3  # only the long line wraps
    for line in boxes:
        assert all(left > line["gutter"] for left in line["lefts"])
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
