"""factcheck: check a curated fact base of a document against its schema, its source and itself."""


def __getattr__(name: str) -> str:
    # `__version__` is looked up lazily: importlib.metadata costs ~50 ms at every start (every commit)
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("factcheck")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
