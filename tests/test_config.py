"""The project config (.factcheck.yaml / [tool.factcheck]) and fact bases made of several files."""

from __future__ import annotations

import fnmatch
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import run
from factcheck.config import Config, ConfigError, discover, fact_files, find_config

MULTI = Path(__file__).parent / "fixtures" / "multi"
SUMMARY = "0 errors, 0 warnings, 0 acknowledged; 3 facts, 1 rule in 2 files\n"


def verify(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cwd: Path,
           *args: str) -> tuple[int, str, str]:
    """Run the console entry point as `factcheck verify ARGS` in `cwd`: exit code, stdout, stderr."""
    monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # it would switch the output to annotations
    monkeypatch.setattr(sys, "argv", ["factcheck", "verify", *args])
    with pytest.raises(SystemExit) as exit_info:
        run()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    assert isinstance(code, int)
    return code, out, err


@pytest.fixture
def multi(tmp_path: Path) -> Path:
    """A copy of the two-file fact base (facts/*.facts.yaml named by .factcheck.yaml) with its source."""
    target = tmp_path / "project"
    shutil.copytree(MULTI, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def tools_cost_more(multi: Path) -> None:
    """Make the memo itself inconsistent: tools cost 5.5 thousand, and 7.5 + 5.5 is not 12."""
    replace_in(multi / "sources" / "memo.txt", "4.5 thousand euro to tools", "5.5 thousand euro to tools")
    replace_in(multi / "facts" / "budget.facts.yaml", "4.5 thousand euro to tools", "5.5 thousand euro to tools")
    replace_in(multi / "facts" / "budget.facts.yaml", "value: 4.5", "value: 5.5")


def add_to_memo(multi: Path, sentence: str) -> None:
    with (multi / "sources" / "memo.txt").open("a", encoding="utf-8") as memo:
        memo.write(sentence + "\n")


def test_config_names_a_fact_base_of_several_files(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    assert verify(monkeypatch, capsys, multi) == (0, SUMMARY, "")


def test_a_rule_in_one_file_checks_facts_of_another_and_is_located_in_its_own(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    tools_cost_more(multi)
    code, out, err = verify(monkeypatch, capsys, multi)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "facts/rules.facts.yaml:2:5: error sum: sum budget-split: parts plants + tools = [12.9, 13.1) EUR thousand, "
        "but total budget = [11.5, 12.5) EUR thousand",
        " 2 |   - id: budget-split",
        "   |     ^",
        "facts/budget.facts.yaml:9:5: note: budget = 12 EUR thousand (section 'Memo'): "
        "\u201cThe garden budget for 2024 is 12 thousand euro.\u201d",
        "facts/budget.facts.yaml:15:5: note: plants = 7.5 EUR thousand (section 'Memo'): "
        "\u201c7.5 thousand euro goes to plants\u201d",
        "facts/budget.facts.yaml:21:5: note: tools = 5.5 EUR thousand (section 'Memo'): "
        "\u201c5.5 thousand euro to tools\u201d",
        "1 error, 0 warnings, 0 acknowledged; 3 facts, 1 rule in 2 files",
    ]


def test_agreement_compares_facts_across_files(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    budget = (multi / "facts" / "budget.facts.yaml").read_text(encoding="utf-8")
    head = budget.split("  - id: plants")[0]  # the document and the `budget` fact
    add_to_memo(multi, "The board expects the 2024 budget to reach 14 thousand euro.")
    (multi / "facts" / "again.facts.yaml").write_text(
        head.replace("id: budget\n", "id: budget-again\n").replace("value: 12", "value: 14").replace(
            "The garden budget for 2024 is 12 thousand euro.", "budget to reach 14 thousand euro"), encoding="utf-8")
    code, out, _ = verify(monkeypatch, capsys, multi)
    assert code == 1
    assert out.splitlines()[0] == (
        "facts/budget.facts.yaml:9:5: error agreement: quantity garden-budget-2024: budget states "
        "12 EUR thousand (section 'Memo'), budget-again states 14 EUR thousand (section 'Memo'), "
        "both valid at the same time")


def test_config_is_found_from_a_subfolder_and_paths_shown_from_there(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    tools_cost_more(multi)
    code, out, _ = verify(monkeypatch, capsys, multi / "facts")
    assert code == 1
    assert out.splitlines()[0].startswith("rules.facts.yaml:2:5: error sum: ")


def test_pyproject_table_with_a_single_pattern(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    (multi / ".factcheck.yaml").unlink()
    (multi / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nfacts = "facts/*.yaml"\n',
                                          encoding="utf-8")
    assert verify(monkeypatch, capsys, multi) == (0, SUMMARY, "")


def test_pyproject_without_the_table_is_passed_over(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    (multi / "sub").mkdir()
    (multi / "sub" / "pyproject.toml").write_text('[tool.ruff]\nline-length = 99  # factcheck\n', encoding="utf-8")
    assert verify(monkeypatch, capsys, multi / "sub") == (0, SUMMARY, "")


def test_both_configs_in_one_folder_is_an_error(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    (multi / "pyproject.toml").write_text('[tool.factcheck]\nfacts = ["facts/*.yaml"]\n', encoding="utf-8")
    assert verify(monkeypatch, capsys, multi) == (
        2, "", "factcheck: pyproject.toml: both .factcheck.yaml and [tool.factcheck] in pyproject.toml "
               "configure factcheck here; keep one\n")


def test_the_nearest_config_wins_over_one_further_up(tmp_path: Path, multi: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("facts: nothing-here.yaml\n", encoding="utf-8")
    config = find_config(multi / "facts")
    assert config == Config(multi / ".factcheck.yaml", ("facts/*.facts.yaml",))
    assert config.root == multi


def test_the_search_stops_at_the_repository_root(multi: Path) -> None:
    (multi / "repo" / ".git").mkdir(parents=True)
    assert find_config(multi / "repo") is None
    assert find_config(multi) == Config(multi / ".factcheck.yaml", ("facts/*.facts.yaml",))


def test_patterns_keep_their_order_and_name_each_file_once(multi: Path) -> None:
    config = Config(multi / ".factcheck.yaml", ("facts/rules.facts.yaml", "facts/*.yaml", "facts/**/*.yaml"))
    assert fact_files(config, multi) == [multi / "facts" / "rules.facts.yaml", multi / "facts" / "budget.facts.yaml"]


def test_without_config_facts_yaml_in_the_working_directory_is_the_base(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("{}\n", encoding="utf-8")
    assert discover([], tmp_path) == ([tmp_path / "facts.yaml"], None)


def test_the_config_folder_bounds_the_sources(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              multi: Path) -> None:
    """Even inside a git repository that holds the source, a config folder is the root."""
    (tmp_path / ".git").mkdir()
    shutil.copy(multi / "sources" / "memo.txt", tmp_path / "memo.txt")
    budget = multi / "facts" / "budget.facts.yaml"
    budget.write_text(budget.read_text(encoding="utf-8").replace("../sources/memo.txt", "../../memo.txt"),
                      encoding="utf-8")
    code, out, _ = verify(monkeypatch, capsys, multi)
    assert code == 1
    assert out.splitlines()[0] == (
        "facts/budget.facts.yaml:6:11: error source: source leads outside the repository; refused")


def test_explicit_paths_replace_the_configured_files_but_keep_its_root(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    """Outside a git repository, the fact file's own folder (facts/) would refuse ../sources/."""
    (multi / ".factcheck.yaml").write_text("facts: facts/budget.facts.yaml\n", encoding="utf-8")
    assert verify(monkeypatch, capsys, multi, "facts/budget.facts.yaml", "facts/rules.facts.yaml") == (0, SUMMARY, "")


def test_explicit_paths_still_need_a_usable_config(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    """The config sets the root for explicit paths too, so a broken one cannot be passed over."""
    (multi / ".factcheck.yaml").write_text("fact: facts/*.yaml\n", encoding="utf-8")
    assert verify(monkeypatch, capsys, multi, "facts/budget.facts.yaml") == (
        2, "", "factcheck: .factcheck.yaml:1:1: unknown key 'fact' (known: facts)\n")


@pytest.mark.parametrize(("config", "message"), [
    ("facts: [\n", ".factcheck.yaml:2:1: while parsing a flow node: did not find expected node content"),
    ("facts: facts/*.yaml\nschema: my.json\n", ".factcheck.yaml:2:1: unknown key 'schema' (known: facts)"),
    ("# nothing\n", ".factcheck.yaml:1:1: the file is empty: expected a mapping"),
    ("- facts.yaml\n", ".factcheck.yaml:1:1: expected a mapping with `facts:`"),
    ("sources: x\n", ".factcheck.yaml:1:1: unknown key 'sources' (known: facts)"),
    ("other: 1\nfacts: []\n", ".factcheck.yaml:1:1: unknown key 'other' (known: facts)"),
    ("\n\nfacts: []\n", ".factcheck.yaml:3:1: `facts` must be a path or glob, or a non-empty list of them"),
    ("facts: [1]\n", ".factcheck.yaml:1:1: `facts` must be a path or glob, or a non-empty list of them"),
    ("facts: /etc/facts.yaml\n",
     ".factcheck.yaml:1:1: fact file pattern '/etc/facts.yaml' must stay inside the config's folder"),
    ("facts: [../facts.yaml]\n",
     ".factcheck.yaml:1:1: fact file pattern '../facts.yaml' must stay inside the config's folder"),
    ("facts: [facts/*.yml]\n", ".factcheck.yaml: fact file pattern 'facts/*.yml' matches no file"),
    ("facts: [facts/missing.yaml]\n", "facts/missing.yaml: no such file"),
    ("{facts: a.yaml, facts: b.yaml}\n", ".factcheck.yaml:1:17: duplicate key 'facts' (first at line 1)"),
])
def test_a_bad_yaml_config_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str], multi: Path,
                                                  config: str, message: str) -> None:
    (multi / ".factcheck.yaml").write_text(config, encoding="utf-8")
    assert verify(monkeypatch, capsys, multi) == (2, "", f"factcheck: {message}\n")


@pytest.mark.parametrize(("toml", "message"), [
    ("[tool.factcheck\n", "pyproject.toml: invalid TOML: Expected ']' at the end of a table declaration "
                          "(at line 1, column 16)"),
    ("[tool]\nfactcheck = 3\n", "pyproject.toml: [tool.factcheck] must be a table"),
    ("[tool.factcheck]\n", "pyproject.toml: [tool.factcheck] `facts` is missing: name the fact files (paths or globs)"),
    ('[tool.factcheck]\nfacts = ["a.yaml"]\nschema = "s.json"\n',
     "pyproject.toml: [tool.factcheck] unknown key 'schema' (known: facts)"),
])
def test_a_bad_pyproject_table_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      toml: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    assert verify(monkeypatch, capsys, tmp_path) == (2, "", f"factcheck: {message}\n")


def test_no_fact_base_at_all_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert verify(monkeypatch, capsys, tmp_path) == (2, "", (
        f"factcheck: no fact base: no .factcheck.yaml or [tool.factcheck] in {tmp_path} or its parents, "
        f'and no facts.yaml in {tmp_path}; name the fact files, or create .factcheck.yaml with "facts: PATTERN"\n'))
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    assert verify(monkeypatch, capsys, tmp_path / "sub")[2] == (
        f"factcheck: no fact base: no .factcheck.yaml or [tool.factcheck] in {tmp_path / 'sub'} or its parents "
        f"up to the repository root, and no facts.yaml in {tmp_path / 'sub'}; name the fact files, "
        f'or create .factcheck.yaml with "facts: PATTERN"\n')


def test_config_error_is_an_exception_the_core_raises(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("facts: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^\.factcheck\.yaml:1:1: `facts` must be"):
        find_config(tmp_path)


def test_units_declared_in_one_file_serve_the_whole_fact_base(monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str],
                                                              multi: Path) -> None:
    rules = multi / "facts" / "rules.facts.yaml"
    rules.write_text("units:\n  beds: items\n" + rules.read_text(encoding="utf-8"), encoding="utf-8")
    add_to_memo(multi, "The garden has 3 beds.")
    edit_budget = multi / "facts" / "budget.facts.yaml"
    edit_budget.write_text(edit_budget.read_text(encoding="utf-8") + (
        "  - id: beds\n    quantity: garden-beds\n    value: 3\n    unit: beds\n    section: Memo\n"
        "    quote: \"The garden has 3 beds.\"\n"), encoding="utf-8")
    assert verify(monkeypatch, capsys, multi) == (
        0, "0 errors, 0 warnings, 0 acknowledged; 4 facts, 1 rule in 2 files\n", "")


def test_a_unit_declared_twice_with_different_dimensions_is_a_finding(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    for name, dimension in (("budget", "items"), ("rules", "weapons")):
        path = multi / "facts" / f"{name}.facts.yaml"
        path.write_text(f"units:\n  beds: {dimension}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = verify(monkeypatch, capsys, multi)
    assert code == 1
    assert out.splitlines()[0] == (
        "facts/rules.facts.yaml:2:9: error unit: unit 'beds' is declared as weapons here "
        "but as items at facts/budget.facts.yaml:2:9")


@pytest.mark.parametrize(("settings", "line"), [
    ('{tolerances: {circa: "10%"}}', "facts/rules.facts.yaml:1:32: error settings: tolerance for circa is declared "
                                     "as 10% here but as 5% at facts/budget.facts.yaml:1:32"),
    ("{severity: {sum: warning}}", "facts/rules.facts.yaml:1:28: error settings: severity of sum is declared "
                                   "as warning here but as error at facts/budget.facts.yaml:1:55"),
])
def test_settings_declared_differently_in_two_files_is_a_finding(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], multi: Path,
        settings: str, line: str) -> None:
    """Settings hold for the whole fact base, so two files must not set one differently."""
    budget = multi / "facts" / "budget.facts.yaml"
    budget.write_text('settings: {tolerances: {circa: "5%"}, severity: {sum: error}}\n'
                      + budget.read_text(encoding="utf-8"), encoding="utf-8")
    rules = multi / "facts" / "rules.facts.yaml"
    rules.write_text(f"settings: {settings}\n" + rules.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = verify(monkeypatch, capsys, multi)
    assert (code, out.splitlines()[0]) == (1, line)


def test_the_same_setting_in_two_files_is_fine(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    for name in ("budget", "rules"):
        path = multi / "facts" / f"{name}.facts.yaml"
        path.write_text('settings: {tolerances: {circa: "5%"}}\nunits: {beds: items}\n'
                        + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert verify(monkeypatch, capsys, multi) == (0, SUMMARY, "")


def test_fact_ids_are_unique_across_files(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    budget = (multi / "facts" / "budget.facts.yaml").read_text(encoding="utf-8")
    (multi / "facts" / "again.facts.yaml").write_text(budget.split("  - id: plants")[0], encoding="utf-8")
    code, out, _ = verify(monkeypatch, capsys, multi)
    assert code == 1
    assert out.splitlines()[0] == (
        "facts/budget.facts.yaml:9:5: error duplicate-id: duplicate fact id 'budget' "
        "(first at facts/again.facts.yaml:9:5)")


def test_show_reads_the_configured_fact_base_too(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], multi: Path) -> None:
    monkeypatch.chdir(multi)
    monkeypatch.setattr(sys, "argv", ["factcheck", "show", "tools", "--color", "never"])
    run()  # shown: returns without SystemExit
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[0] == "tools at facts/budget.facts.yaml:21:5"
    assert "  ok  budget-split (sum) at facts/rules.facts.yaml:2:5" in out.splitlines()


def glob_matches(name: str, pattern: str) -> bool:
    """Path.glob's meaning for the patterns below: `*` stays inside one folder, `**/` is any folders."""
    if pattern.startswith("**/"):
        return fnmatch.fnmatch(name.rsplit("/", 1)[-1], pattern[3:])
    return name.count("/") == pattern.count("/") and fnmatch.fnmatch(name, pattern)


@given(names=st.sets(st.sampled_from(["a.facts.yaml", "b.facts.yaml", "c.yaml", "d/e.facts.yaml", "d/f.yaml"]),
                     min_size=1),
       patterns=st.lists(st.sampled_from(["a.facts.yaml", "c.yaml", "*.facts.yaml", "*.yaml", "d/*.yaml",
                                          "**/*.facts.yaml"]), min_size=1, max_size=4))
def test_fact_files_are_what_the_patterns_match_each_once(names: set[str], patterns: list[str]) -> None:
    """The fact files of a config are exactly the files its patterns match, each once, earliest pattern
    first; a glob that matches nothing is an error."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name in names:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text("{}\n", encoding="utf-8")
        config = Config(root / ".factcheck.yaml", tuple(patterns))
        expected: list[Path] = []
        for pattern in patterns:
            if "*" not in pattern:
                found = [root / pattern]  # a plain path, present or not (the engine reports it missing)
            else:
                found = sorted(root / name for name in names if glob_matches(name, pattern))
                if not found:
                    with pytest.raises(ConfigError, match="matches no file"):
                        fact_files(config, root)
                    return
            expected += [path for path in found if path not in expected]
        assert fact_files(config, root) == expected
