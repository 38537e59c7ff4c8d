"""Which files make up the fact base: the project configuration, found from a folder upwards.

factcheck looks in the working directory and then in each parent folder, up to the root of the
git repository, for

* ``.factcheck.yaml`` — a mapping with ``facts:``, or
* ``pyproject.toml`` with a ``[tool.factcheck]`` table (a pyproject.toml without one is passed over),

and the first folder that has one wins.  Both in one folder is an error: one source of truth,
never a silently ignored table.  ``facts`` is a path or glob, or a list of them, relative to the
config's folder (``facts/*.facts.yaml``, ``dossier/**/facts.yaml``); that folder is also the
repository root that every document's ``source`` must stay inside, also when the fact files are
named on the command line.  Without a config, ``facts.yaml`` in the working directory is the fact
base; with neither, the `ConfigError` says where factcheck looked.  ``--config FILE`` names the
config instead (a .factcheck.yaml, or a pyproject.toml with the table): nothing is searched.

A config that cannot be used is a `ConfigError` (the CLI exits 2 with its one line): factcheck
cannot know what to check, which is "could not check", not a finding about the fact base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.engine import display_path
from factcheck.loader import CannotRead, load_file
from factcheck.located import LocatedDict

CONFIG_FILE = ".factcheck.yaml"
PYPROJECT = "pyproject.toml"
DEFAULT_FACT_FILE = "facts.yaml"
KEYS = ("facts",)
_GLOB_CHARS = frozenset("*?[")


class ConfigError(Exception):
    """The configuration is missing, unreadable or wrong; the message is one line."""


@dataclass(frozen=True, slots=True)
class Config:
    """A project configuration: where it was found and the fact file patterns it names."""

    path: Path
    facts: tuple[str, ...]

    @property
    def root(self) -> Path:
        """The config's folder: patterns are relative to it, and sources must stay inside it."""
        return self.path.parent


def _folders(start: Path) -> Iterator[Path]:
    """`start` and its parents, up to the root of the git repository it is in, if any: a config
    outside the repository is not meant for it."""
    for folder in (start.absolute(), *start.absolute().parents):
        yield folder
        if (folder / ".git").exists():
            return


def _pyproject_table(path: Path, name: str) -> dict[str, Any] | None:
    """The [tool.factcheck] table of a pyproject.toml, or None when it has none."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    if b"factcheck" not in raw:  # most pyproject.toml files cannot hold the table: skip parsing them
        return None
    import tomllib  # here, after that test: a pyproject.toml without the table costs no import

    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{name}: invalid TOML: {exc}") from exc
    tool = document.get("tool")
    table = tool.get("factcheck") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{name}: [tool.factcheck] must be a table")
    return table


def _repository_root(start: Path) -> Path | None:
    """The git repository `start` is in, where the config search stops; None outside one."""
    return next((folder for folder in _folders(start) if (folder / ".git").exists()), None)


def find_config(start: Path) -> Config | None:
    """The configuration that governs `start`: the nearest folder upwards with one, or None.

    Paths in error messages are shown relative to `start` when inside it.
    """
    cwd = start.absolute()
    for folder in _folders(start):
        yaml_path, pyproject = folder / CONFIG_FILE, folder / PYPROJECT
        pyproject_name = display_path(pyproject, cwd)
        table = _pyproject_table(pyproject, pyproject_name) if pyproject.is_file() else None
        if yaml_path.is_file():
            if table is not None:
                raise ConfigError(f"{pyproject_name}: both {CONFIG_FILE} and [tool.factcheck] "
                                  f"in {PYPROJECT} configure factcheck here; keep one")
            return _from_yaml(yaml_path, display_path(yaml_path, cwd))
        if table is not None:
            return _from_pyproject(pyproject, pyproject_name, table)
    return None


def load_config(path: Path, cwd: Path) -> Config:
    """The config in `path` (``--config``): a pyproject.toml (by name) must have the table."""
    name = display_path(path, cwd)
    if not path.is_file():
        raise ConfigError(f"{name}: no such file" if not path.exists() else f"{name}: not a file")
    if path.name != PYPROJECT:
        return _from_yaml(path, name)
    table = _pyproject_table(path, name)
    if table is None:
        raise ConfigError(f"{name}: no [tool.factcheck] table")
    return _from_pyproject(path, name, table)


def _from_pyproject(path: Path, name: str, table: dict[str, Any]) -> Config:
    where = f"{name}: [tool.factcheck]"  # tomllib gives no positions
    return Config(path, _patterns(table, lambda _key: where))


def _from_yaml(path: Path, name: str) -> Config:
    try:
        loaded = load_file(path, name)
    except CannotRead as exc:
        raise ConfigError(str(exc)) from exc
    if loaded.findings:  # the first YAML problem is enough: the config is a few lines
        first = loaded.findings[0]
        raise ConfigError(f"{first.location}: {first.message}")
    data = loaded.data
    if not isinstance(data, LocatedDict):
        raise ConfigError(f"{name}:1:1: expected a mapping with `facts:`")

    def where(key: str) -> str:
        line, column = data.key_marks.get(key, (1, 1))
        return f"{name}:{line}:{column}:"

    return Config(path, _patterns(data, where))


def _patterns(table: dict[str, Any], where: Callable[[str], str]) -> tuple[str, ...]:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where(unknown[0])} unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    if "facts" not in table:
        raise ConfigError(f"{where('facts')} `facts` is missing: name the fact files (paths or globs)")
    value = table["facts"]
    patterns = [value] if isinstance(value, str) else value
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise ConfigError(f"{where('facts')} `facts` must be a path or glob, or a non-empty list of them")
    for pattern in patterns:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise ConfigError(f"{where('facts')} fact file pattern {pattern!r} must stay inside the config's folder")
    return tuple(patterns)


def fact_files(config: Config, cwd: Path) -> list[Path]:
    """The fact files a config names, in pattern order, each once; a glob must match something."""
    files: list[Path] = []
    for pattern in config.facts:
        if _GLOB_CHARS.isdisjoint(pattern):
            matches = [config.root / pattern]  # a plain path that is missing is reported by the engine
        else:
            matches = sorted(path for path in config.root.glob(pattern) if path.is_file())
            if not matches:
                raise ConfigError(f"{display_path(config.path, cwd)}: fact file pattern {pattern!r} matches no file")
        for path in matches:
            if path not in files:  # a file two patterns name is still one part of the base
                files.append(path)
    return files


def no_fact_base(cwd: Path) -> ConfigError:
    """Neither a config nor facts.yaml: say where factcheck looked and how to name the fact base."""
    folder = cwd.absolute()
    upwards = "or its parents up to the repository root" if _repository_root(folder) else "or its parents"
    return ConfigError(f"no fact base: no {CONFIG_FILE} or [tool.factcheck] in {folder} {upwards}, "
                       f"and no {DEFAULT_FACT_FILE} in {folder}; name the fact files, "
                       f'or create {CONFIG_FILE} with "facts: PATTERN"')


def discover(paths: Sequence[Path], cwd: Path, config_file: Path | None = None) -> tuple[list[Path], Path | None]:
    """The fact files to check and the repository root that holds their sources.

    The config (`config_file`, else the one found from `cwd` upwards) sets the root (its folder)
    and, when no `paths` are given, the files.  Without a config the files default to
    ``facts.yaml`` in `cwd`, and the root is left to the engine (the nearest git repository).
    """
    config = load_config(config_file, cwd.absolute()) if config_file is not None else find_config(cwd)
    root = config.root if config is not None else None
    if paths:
        return list(paths), root
    if config is not None:
        return fact_files(config, cwd.absolute()), root
    if not (cwd / DEFAULT_FACT_FILE).exists():
        raise no_fact_base(cwd)
    return [cwd / DEFAULT_FACT_FILE], None
