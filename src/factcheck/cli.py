"""The command line: a thin shell over the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck import __version__

EXIT_CANNOT_CHECK = 2
DEFAULT_FACT_FILE = "facts.yaml"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck", message="%(prog)s %(version)s")
def main() -> None:
    """Check a curated fact base: schema, provenance and consistency."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def verify(paths: tuple[Path, ...], strict: bool) -> None:
    """Check the fact base in PATHS (default: facts.yaml in the current directory).

    Exit status: 0 consistent, 1 findings, 2 could not check.
    """
    from factcheck.engine import CannotCheck
    from factcheck.engine import verify as run_verify
    from factcheck.formatters.text import render

    targets = list(paths) or [Path(DEFAULT_FACT_FILE)]
    try:
        report = run_verify(targets)
    except CannotCheck as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(render(report), nl=False)
    sys.exit(report.exit_code(strict))


def run() -> None:
    """The console entry point: exit 2 with one line, never a traceback, on anything unexpected."""
    try:
        main(standalone_mode=False)
    except click.ClickException as exc:
        click.echo(f"factcheck: {exc.format_message()}", err=True)
        sys.exit(EXIT_CANNOT_CHECK)
    except click.exceptions.Abort:
        click.echo("factcheck: aborted", err=True)
        sys.exit(EXIT_CANNOT_CHECK)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the one boundary where a bug becomes exit 2
        click.echo(f"factcheck: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_CANNOT_CHECK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def coverage(paths: tuple[Path, ...]) -> None:
    """List every number and date in the sources that no fact's quote covers, and the share covered.

    Exit status: 0 everything covered (after `coverage: exclude:`), 1 something uncovered or a
    stale exclusion, 2 could not check.
    """
    from factcheck.coverage import CannotCover, measure
    from factcheck.engine import CannotCheck
    from factcheck.engine import verify as run_verify
    from factcheck.formatters.coverage import render

    targets = list(paths) or [Path(DEFAULT_FACT_FILE)]
    try:
        report = run_verify(targets)
    except CannotCheck as exc:
        raise click.ClickException(str(exc)) from exc
    if report.base is None:
        raise click.ClickException("the fact base is not well-formed; `factcheck verify` shows why")
    try:
        result = measure(report.base)
    except CannotCover as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(render(result), nl=False)
    sys.exit(0 if result.complete else 1)
