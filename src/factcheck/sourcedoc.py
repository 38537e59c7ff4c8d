"""A document's source as lines of text and the structure its format states: what every reader
(text, PDF, HTML) produces and what `sourcetext.prepare` reads.

A text file states no structure: its headings and page footers are found in its layout
(`sourcetext`).  A PDF or an HTML page states it: the reader gives the heading lines, the lines that
are page furniture (running headers, footers, page numbers: left out of the text a quote is matched
against) and, for a PDF, the page of every line.  Table rows are lines whose cells are separated
by a tab (see docs/provenance.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

#: A PDF larger than this, or with more pages, is refused: a page takes 0.1-0.3 s to lay out
#: (benchmarks/README.md), and the page count is checked before any is.
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_PDF_PAGES = 500
#: seconds that opening a PDF, or laying out one of its pages, may take (0.1-0.3 s a page is usual):
#: past it the PDF is refused as unreadable, so a crafted one cannot hang a commit
PDF_STEP_SECONDS = 10
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A source's text (lines separated by ``\\n``) and the structure stated by its format."""

    text: str
    #: (1-based line, title) of each heading; None: a text file, whose headings are found in its layout
    headings: tuple[tuple[int, str], ...] | None = None
    #: the page of each line, 1-based (empty: the source has no pages)
    pages: tuple[int, ...] = ()
    #: 1-based lines that are page furniture (running headers and footers, page numbers)
    furniture: frozenset[int] = frozenset()

    def key(self) -> str:
        """Everything the provenance findings depend on, as one string (a cache key)."""
        if self.headings is None and not self.pages and not self.furniture:
            return self.text
        return repr((self.text, self.headings, self.pages, sorted(self.furniture)))


def _cached_pdf(raw: bytes) -> SourceDocument:
    """The PDF as `pdfsource.read_pdf` reads it, kept in the cache under a digest of its bytes and the
    reader's versions: laying out pages costs 20-250 ms each, a cached document milliseconds."""
    import hashlib
    from importlib.metadata import version

    from factcheck.cache import cache_store, entry_path, read_entry, write_entry
    from factcheck.cachecodec import decode_document, encode_document

    store = cache_store()
    entry = None if store is None else entry_path(store, "pdf", version("pdfminer.six"),
                                                  hashlib.sha256(raw).hexdigest())
    blob = None if entry is None else read_entry(entry)
    document = None if blob is None else decode_document(blob)
    if document is None:
        from factcheck.pdfsource import read_pdf  # only a PDF pays for its reader (and its import)

        document = read_pdf(raw)
        if entry is not None:
            write_entry(entry, encode_document(document))
    return document


class Unreadable(Exception):
    """A source that cannot be read as its format: the message says why (a located finding)."""


def is_pdf(name: str, raw: bytes) -> bool:
    return raw[:1024].lstrip(b"\x00\t\n\r ").startswith(b"%PDF") or PurePosixPath(name).suffix.lower() == ".pdf"


def read_document(name: str, raw: bytes) -> SourceDocument:
    """The document in `raw` (the bytes of the file `name`), read by its format; raise `Unreadable`."""
    if is_pdf(name, raw):
        if len(raw) > MAX_PDF_BYTES:
            raise Unreadable(f"is a PDF larger than {MAX_PDF_BYTES // (1024 * 1024)} MiB")
        return _cached_pdf(raw)
    from factcheck.loader import decode_text

    html = PurePosixPath(name).suffix.lower() in HTML_SUFFIXES
    text, problems = decode_text(raw, name)
    if text is None and html and problems[0].kind == "encoding":
        text = _declared(raw)
    if text is None:
        raise Unreadable(f"is not usable text: {problems[0].message}")
    if html:
        from factcheck.htmlsource import read_html

        return read_html(text)
    return SourceDocument(text)


#: an HTML page's declared encoding: <meta charset="…"> or <meta http-equiv … content="…; charset=…">
_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _declared(raw: bytes) -> str | None:
    """An HTML page that is not UTF-8, decoded as its meta tag declares (browsers look in the first 1024
    bytes); None when it declares nothing Python knows, or its bytes are not that encoding either."""
    import codecs

    found = _CHARSET.search(raw[:1024])
    if found is None:
        return None
    try:
        encoding = codecs.lookup(found.group(1).decode("ascii")).name
        return raw.decode(encoding).removeprefix("\ufeff")
    except (LookupError, UnicodeDecodeError):
        return None
