"""The command line: a thin shell over the library."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import click

from factcheck.formatters import FORMATS, RenderOptions, use_color

if TYPE_CHECKING:
    from factcheck.report import Report

EXIT_CANNOT_CHECK = 2
COLOR_CHOICES = ("auto", "always", "never")


class CannotCheckError(click.ClickException):
    """The fact base could not be checked: exit 2 with one line on stderr (click's default is 1)."""

    exit_code = EXIT_CANNOT_CHECK

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"factcheck: {self.format_message()}", file=file, err=True)


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


class Selection(NamedTuple):
    """Which fact base a command checks: PATHS (``-`` is standard input) and ``--config``."""

    paths: tuple[Path, ...]
    config_file: Path | None


def fact_base_arguments(command: Callable[..., None]) -> Callable[..., None]:
    """PATHS, ``--config`` and ``--list-files``, the same for every command that reads a fact base;
    the command gets them as one `Selection`, and ``--list-files`` ends the run before it."""

    @functools.wraps(command)
    def with_selection(*args: Any, paths: tuple[Path, ...], config_file: Path | None, list_files: bool,
                       **kwargs: Any) -> None:
        selection = Selection(paths, config_file)
        if list_files:
            _list_files(selection)
        command(*args, selection=selection, **kwargs)

    for decorate in reversed((
        click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, path_type=Path)),
        click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="Use this .factcheck.yaml or pyproject.toml instead of searching for one."),
        click.option("--list-files", is_flag=True,
                     help="Print the fact files that would be checked, one per line, and exit."),
    )):
        with_selection = decorate(with_selection)
    return with_selection


def _output_file(ctx: click.Context, _param: click.Parameter, value: str | None) -> Path | None:
    """``--output``: a file, or None for standard output (``-``).  A format name alone is refused:
    check-jsonschema's ``-o`` names the format, and a file called ``json`` is never what was meant."""
    if value is None or value == "-":
        return None
    if value in FORMATS:
        takes_format = any(param.name == "output_format" for param in ctx.command.params)
        hint = f"did you mean -f {value}?" if takes_format else f"give it an extension, as in -o {value}.html"
        raise click.UsageError(f"-o names a file; {hint}")
    return Path(value)


@main.command()
@fact_base_arguments
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("-f", "--format", "output_format", type=click.Choice(list(FORMATS)), default=None,
              help="Report format (default: text, or github when GITHUB_ACTIONS=true).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              callback=_output_file, help="Write the report to FILE instead of standard output (- is standard output).")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour text output (auto: on a terminal, honouring NO_COLOR and FORCE_COLOR).")
@click.option("--quiet", "-q", is_flag=True, help="Text format: print the summary line alone.")
@click.option("--verbose", "-v", is_flag=True, help="List acknowledged findings too, not just their count.")
def verify(selection: Selection, strict: bool, output_format: str | None, output: Path | None,
           color: str, quiet: bool, verbose: bool) -> None:
    """Check the fact base in PATHS (default: the files the project config names, found from the
    current directory upwards in .factcheck.yaml or pyproject.toml [tool.factcheck]; without a
    config, facts.yaml in the current directory).  A PATH of - reads a fact file from standard
    input, its sources relative to the current directory.

    Exit status: 0 consistent, 1 findings, 2 could not check.
    """
    chosen = _format(output_format, quiet, os.environ)
    report, targets = _check(selection)
    _refuse_to_overwrite(output, targets, report)
    _emit(report, chosen, output, color, RenderOptions(quiet=quiet, verbose=verbose))
    sys.exit(report.exit_code(strict))


def _format(output_format: str | None, quiet: bool, env: Mapping[str, str]) -> str:
    """The format asked for; ``--quiet`` (the text summary alone) with another one is a usage error,
    and without one it means text, also in GitHub Actions."""
    if output_format is None:
        return "text" if quiet else default_format(env)
    if quiet and output_format != "text":
        raise click.UsageError(f"--quiet is for the text format only, not -f {output_format}")
    return output_format


def run() -> None:
    """The console entry point: exit 2 with one line, never a traceback, on anything unexpected."""
    try:
        main(standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:  # bare `factcheck`: the help is the message
        exc.show()
        sys.exit(EXIT_CANNOT_CHECK)
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


def console() -> None:
    """The `factcheck` command: `run`, then leave at once.  Freeing a large fact base object by
    object is wasted work at exit (~0.2 s of a 100,000-fact run), so, as mypy does, the process
    ends with `os._exit` once the output is flushed."""
    try:
        run()
        code = 0
    except SystemExit as exc:
        if not isinstance(exc.code, int | None):  # a message for Python to print: the usual exit
            raise
        code = exc.code or 0
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that went away (`| head`): nothing left to tell it
            stream.flush()
    os._exit(code)


def _check(selection: Selection) -> tuple[Report, list[Path]]:
    """Check the selected fact base (default: the files the project config names, else
    facts.yaml); the report and the files checked."""
    from factcheck.config import ConfigError
    from factcheck.engine import STDIN, CannotCheck
    from factcheck.engine import verify as run_verify
    from factcheck.loader import MAX_FILE_BYTES

    try:
        targets, root = _targets(selection)
        stdin = sys.stdin.buffer.read(MAX_FILE_BYTES + 1) if STDIN in targets else b""
        return run_verify(targets, root=root, stdin=stdin), targets
    except (CannotCheck, ConfigError) as exc:
        raise CannotCheckError(str(exc)) from exc


def _targets(selection: Selection) -> tuple[list[Path], Path | None]:
    """The fact files to check and the root of their sources (`config.discover`)."""
    from factcheck.config import discover

    return discover(selection.paths, Path.cwd(), selection.config_file)


def _list_files(selection: Selection) -> None:
    """``--list-files``: each fact file the selection names, as findings would name it; exit 0."""
    from factcheck.config import ConfigError
    from factcheck.engine import STDIN, display_path

    try:
        targets, _ = _targets(selection)
    except ConfigError as exc:
        raise CannotCheckError(str(exc)) from exc
    cwd = Path.cwd()
    for target in targets:
        click.echo("-" if target == STDIN else display_path(target, cwd))
    sys.exit(0)


def default_format(env: Mapping[str, str]) -> str:
    """text, or github annotations inside GitHub Actions (which sets GITHUB_ACTIONS=true)."""
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


def _refuse_to_overwrite(output: Path | None, targets: Sequence[Path], report: Report) -> None:
    """factcheck never writes to the fact base or its sources: --output must name neither."""
    if output is None:
        return
    written = os.path.realpath(output)
    if any(written == os.path.realpath(t) for t in targets):
        raise click.UsageError(f"--output {output} is a fact file; refusing to overwrite it")
    documents = report.base.documents if report.base is not None else []
    if any(written == os.path.realpath(Path(d.path).parent / d.source) for d in documents):
        raise click.UsageError(f"--output {output} is a source of the fact base; refusing to overwrite it")


def _emit(report: Report, output_format: str, output: Path | None, color: str, options: RenderOptions) -> None:
    """Render the report and write it to stdout or to the --output file."""
    chosen = FORMATS[output_format]
    colored = chosen.colored and use_color(color, output is None and sys.stdout.isatty(), os.environ)
    _write(chosen.load()(report, options._replace(color=colored)), output, colored)


def _write(rendered: str, output: Path | None, colored: bool = False) -> None:
    """Write to the --output file, or to stdout when it is None (``-o -``)."""
    if output is None:
        click.echo(rendered, nl=False, color=colored)
        return
    try:
        output.write_text(rendered, encoding="utf-8")
    except OSError as exc:
        raise CannotCheckError(f"cannot write {output}: {exc.strerror or exc}") from exc


@main.command()
@click.argument("fact_id")
@fact_base_arguments
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour the output (auto: on a terminal, honouring NO_COLOR and FORCE_COLOR).")
def show(fact_id: str, selection: Selection, color: str) -> None:
    """Show fact FACT_ID of the fact base in PATHS: its fields, its quote in the source, and the
    status of every rule it takes part in.

    Exit status: 0 shown, 1 the fact base has errors that keep it from being built, 2 unknown fact
    id or could not check.
    """
    from factcheck.formatters import show as show_format
    from factcheck.formatters import text

    report, _ = _check(selection)
    colored = use_color(color, sys.stdout.isatty(), os.environ)
    if report.base is None:  # not well-formed: say why, as verify would
        click.echo(text.render(report, RenderOptions(color=colored)), nl=False, color=colored)
        sys.exit(1)
    if fact_id not in report.base.facts:
        from factcheck.findings import did_you_mean

        raise click.UsageError(f"unknown fact id {fact_id!r}{did_you_mean(fact_id, report.base.facts)}")
    click.echo(show_format.render_fact(report, fact_id, color=colored), nl=False, color=colored)


@main.command()
@fact_base_arguments
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="report.html",
              callback=_output_file, show_default=True, help="Where to write the HTML report (- is standard output).")
def report(selection: Selection, output: Path | None) -> None:
    """Write a self-contained HTML report of the fact base in PATHS.

    Exit status: 0 written and consistent, 1 written with findings, 2 could not check or write.
    """
    from factcheck.coverage import CannotCover, measure
    from factcheck.formatters.html import render_html
    from factcheck.formatters.text import plural

    result, targets = _check(selection)
    _refuse_to_overwrite(output, targets, result)
    share = None
    if result.base is not None:
        try:
            measured = measure(result.base)
            share = (measured.covered, measured.total)
        except CannotCover:  # a source was not read: the findings say so, the report shows no share
            pass
    _write(render_html(result, share), output)
    code = result.exit_code()
    done = [] if output is None else [f"wrote {output}"]  # on stdout the HTML is the output
    if code:
        done.append(f"{plural(result.errors, 'error')}, {plural(result.warnings, 'warning')} (exit {code})")
    if done:
        click.echo("; ".join(done), err=output is None)
    sys.exit(code)


@main.command("rules")
@click.argument("kind", required=False)
def rules_command(kind: str | None) -> None:
    """List the rule kinds with a summary each, or print the full documentation of KIND (a rule
    kind or any other kind of finding, such as schema or stale-acknowledgement)."""
    from factcheck.docrender import plain
    from factcheck.kinds import documentation, known_kinds
    from factcheck.rules import RULE_KINDS

    if kind is None:
        width = max(len(name) for name in RULE_KINDS)
        for name in RULE_KINDS:
            click.echo(f"{name:<{width}}  {plain(documentation(name).summary).removeprefix(f'{name} — ')}")
        return
    kinds = known_kinds()
    if kind not in kinds:
        from factcheck.findings import did_you_mean

        known = ", ".join(kinds)
        hint = did_you_mean(kind, kinds)
        raise click.UsageError(f"unknown kind {kind!r}{hint} (known kinds: {known})" if hint
                               else f"unknown kind {kind!r}; known kinds: {known}")
    click.echo(plain(documentation(kind).text))


@main.command()
@fact_base_arguments
def coverage(selection: Selection) -> None:
    """List every number and date in the sources that no fact's quote covers, and the share covered.

    Exit status: 0 everything covered (after `coverage: exclude:`), 1 something uncovered or a
    stale exclusion, 2 could not check.
    """
    from factcheck.coverage import CannotCover, measure
    from factcheck.formatters.coverage import render

    report, _ = _check(selection)
    if report.base is None:
        raise click.ClickException("the fact base is not well-formed; `factcheck verify` shows why")
    try:
        result = measure(report.base)
    except CannotCover as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(render(result), nl=False)
    sys.exit(0 if result.complete else 1)


#: The languages `extract` reads (extractwords.WORDS; a test keeps the two alike): named here so that
#: the command line does not import the tables at every start.
EXTRACT_LANGUAGES = ("en", "nl")


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--date", "document_date", metavar="YYYY-MM-DD", default=None,
              help="The document's date (default: the date the text states as its own, a dateline such as "
                   "\"Den Haag, 2 november 2015\").")
@click.option("--language", type=click.Choice(EXTRACT_LANGUAGES), default=None,
              help="The document's language (default: detected).")
@click.option("--id", "document_id", default=None, help="The document's id (default: the source's file name).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write the fact file to FILE instead of standard output (- is standard output).")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("--merge", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Add to the fact file EXISTING what its base does not cover of SOURCE; its own lines stay "
                   "as they are.")
def extract(source: Path, document_date: str | None, language: str | None, document_id: str | None,
            output: str | None, force: bool, merge: Path | None) -> None:
    """Draft a fact file from SOURCE: one fact for every number and date it states, each with its
    quote, section, value, unit and qualifier; rules where cue words make them safe; reference
    numbers under coverage: exclude:.  The draft verifies as written.

    Exit status: 0 written, 2 could not draft (one line on stderr).
    """
    from datetime import date

    from factcheck.extract import CannotExtract, extract_file

    target = None if output is None or output == "-" else Path(output)
    if target is not None and target.exists() and not force:
        raise CannotCheckError(f"{target} exists; give --force to overwrite it")
    try:
        when = date.fromisoformat(document_date) if document_date is not None else None
    except ValueError as exc:
        raise click.BadParameter(f"{document_date!r} is not a date YYYY-MM-DD", param_hint="--date") from exc
    with contextlib.ExitStack() as stack:
        progress = _progress(stack) if sys.stderr.isatty() else None
        try:
            extracted = extract_file(source, target, document_date=when, tag=language, document_id=document_id,
                                     merge=merge, progress=progress)
        except CannotExtract as exc:
            raise CannotCheckError(str(exc)) from exc
    _write(extracted.text, target)
    if merge is not None:
        from factcheck.formatters.text import plural

        added = extracted.added
        click.echo(f"added {plural(len(added.facts), 'fact')}, {plural(len(added.rules), 'rule')} and "
                   f"{plural(len(added.exclusions), 'exclusion')} to {merge}", err=True)


def _progress(stack: contextlib.ExitStack) -> Callable[[int, int], None]:
    """A progress bar on stderr, made at the first report (when the total is known)."""
    bars: list[Any] = []

    def report(done: int, total: int) -> None:
        if not bars:
            bars.append(stack.enter_context(click.progressbar(length=total, label="extracting", file=sys.stderr)))
        bars[0].update(1)

    return report
