"""The command line: a thin shell over the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_CANNOT_CHECK = 2
DEFAULT_FACT_FILE = "facts.yaml"


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from factcheck import __version__  # looked up only when asked: importlib.metadata is slow

        click.echo(f"factcheck {__version__}")
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the version and exit.")
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
