"""factcheck: check a curated fact base of a document against its schema, its source and itself."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
