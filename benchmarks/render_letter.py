"""Render the shipped letter as a PDF (fpdf2, DejaVu fonts; headings bold, its page footer printed at the
foot of every page) and as a plain HTML page (h2 headings, p paragraphs), line for line as in the
text, so that the shipped fact base with only `source:` changed verifies as it does against the text.

    python benchmarks/render_letter.py             # writes sources/kst-27925-565.pdf and .html
    python benchmarks/render_letter.py --pages 100 --pdf /tmp/long.pdf   # the letter over and over: 100 pages

Needs the `test` extra (fpdf2) and the DejaVu fonts (Debian: fonts-dejavu-core).
"""

from __future__ import annotations

import argparse
import datetime
import html
from pathlib import Path

from factcheck.sourcetext import prepare

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "sources" / "kst-27925-565.txt"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
FOOTER = "Tweede Kamer, vergaderjaar 2015–2016, 27 925, nr. 565"  # noqa: RUF001 - the letter's own dash
#: the letter's date: the PDF's creation date, so that the file is the same at every run
DATE = datetime.datetime(2015, 11, 2, tzinfo=datetime.UTC)


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """The letter as ("h", [title]) and ("p", lines) blocks, page footers left out."""
    source = prepare(text)
    headings = {heading.line for heading in source.headings}
    footers = set(source.footers)
    result: list[tuple[str, list[str]]] = []
    paragraph: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in headings or not line.strip() or line.strip().replace("–", "-") in footers:  # noqa: RUF001
            if paragraph:
                result.append(("p", paragraph))
                paragraph = []
            if number in headings:
                result.append(("h", [line.strip()]))
            continue
        paragraph.append(line.rstrip())
    if paragraph:
        result.append(("p", paragraph))
    return result


def render_pdf(text: str, path: Path, copies: int = 1, pages: int | None = None) -> None:
    """The letter `copies` times over in one PDF, stopping where page `pages` is full."""
    from fpdf import FPDF

    class Letter(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, f"{FOOTER} {self.page_no()}", align="R")

    pdf = Letter(format="A4")
    pdf.set_creation_date(DATE)
    pdf.add_font("DejaVu", fname=str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", style="B", fname=str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    lines = [(kind, line) for _ in range(copies) for kind, block in [*blocks(text), ("", [])]
             for line in [*block, None]]  # None: the gap after a block
    for kind, line in lines:
        if pages is not None and pdf.page_no() == pages and pdf.will_page_break(5):
            break
        if line is None:
            pdf.ln(4)
            continue
        pdf.set_font("DejaVu", style="B" if kind == "h" else "", size=10)
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def render_html(text: str) -> str:
    body = []
    for kind, lines in blocks(text):
        if kind == "h":
            body.append(f"<h2>{html.escape(lines[0])}</h2>")
        else:
            body.append("<p>" + "\n".join(html.escape(line) for line in lines) + "</p>")
    return ("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>Kamerstuk 27 925, nr. 565</title>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, help="the letter over and over until this many pages are full")
    parser.add_argument("--pdf", type=Path, default=LETTER.with_suffix(".pdf"))
    parser.add_argument("--html", type=Path, default=LETTER.with_suffix(".html"))
    args = parser.parse_args()
    text = LETTER.read_text(encoding="utf-8")
    render_pdf(text, args.pdf, 1 if args.pages is None else args.pages, args.pages)
    if args.pages is None:
        args.html.write_text(render_html(text), encoding="utf-8")


if __name__ == "__main__":
    main()
