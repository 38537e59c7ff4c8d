"""`factcheck extract`: a draft fact file that verifies as written, through the real command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from factcheck.cli import EXTRACT_LANGUAGES
from factcheck.dates import DateInterval, parse_date
from factcheck.extract import date_text, detect_language
from factcheck.extractwords import WORDS
from factcheck.sourcedoc import SourceDocument

LETTER = REPO / "sources" / "kst-27925-565.txt"

SMALL = """\
Den Haag, 2 november 2015

Financiën

Het budget voor 2015 is geraamd op 100 miljoen euro. Hiervan is 60 miljoen euro bestemd voor de
luchtcampagne en 40 miljoen euro voor de trainingsmissie (Kamerstuk 27 925, nr. 506).
Het aantal F-16's is teruggebracht van zes naar vier. Tot op heden zijn circa 220 Nederlanders
uitgereisd, van wie waarschijnlijk 40 zijn overleden.
"""

SMALL_DRAFT = """\
# Drafted by `factcheck extract` from letter.txt.
# Review every fact: its id, its quantity (facts that name the same thing share one), its value and
# qualifier; the comments suggest relations to decide on.
document:
  id: letter
  title: "letter"
  date: "2015-11-02"
  language: nl
  source: letter.txt

facts:
  - id: geraamd-miljoen-euro-date
    quantity: geraamd-miljoen-euro-date
    value: "2015"
    unit: date
    section: "Financiën"
    quote: "Het budget voor 2015 is geraamd op 100 miljoen euro"

  - id: euro-geraamd
    quantity: euro-geraamd
    value: 100
    unit: EUR million
    section: "Financiën"
    quote: "is geraamd op 100 miljoen euro"

  - id: euro-bestemd-luchtcampagne
    quantity: euro-bestemd-luchtcampagne
    value: 60
    unit: EUR million
    section: "Financiën"
    quote: "Hiervan is 60 miljoen euro bestemd voor de luchtcampagne"

  - id: euro-trainingsmissie-luchtcampagne
    quantity: euro-trainingsmissie-luchtcampagne
    value: 40
    unit: EUR million
    section: "Financiën"
    quote: "bestemd voor de luchtcampagne en 40 miljoen euro voor de trainingsmissie"

  - id: teruggebracht-f-16-aantal
    quantity: teruggebracht-f-16-aantal-before
    value: 6
    unit: aircraft
    section: "Financiën"
    quote: "aantal F-16's is teruggebracht van zes"

  - id: aircraft
    quantity: teruggebracht-f-16-aantal-after
    value: 4
    unit: aircraft
    section: "Financiën"
    quote: "naar vier"

  - id: nederlanders
    quantity: nederlanders
    value: 220
    unit: persons
    qualifier: circa
    section: "Financiën"
    quote: "Tot op heden zijn circa 220 Nederlanders uitgereisd"

  - id: overleden-waarschijnlijk
    quantity: overleden-waarschijnlijk
    value: 40
    unit: persons
    qualifier: probably
    section: "Financiën"
    quote: "van wie waarschijnlijk 40 zijn overleden"

rules:
  - id: euro-geraamd-parts
    kind: sum
    total: euro-geraamd
    parts: [euro-bestemd-luchtcampagne, euro-trainingsmissie-luchtcampagne]

  - id: nederlanders-parts
    kind: inclusion
    total: nederlanders
    parts: [overleden-waarschijnlijk]

  - id: teruggebracht-f-16-aantal-change
    kind: change
    from: teruggebracht-f-16-aantal
    to: aircraft
    direction: decrease

coverage:
  exclude:
    - text: "Kamerstuk 27 925, nr. 506"
      reason: parliamentary document number
    - text: "Den Haag, 2 november 2015"
      reason: the document's own date
"""


def factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository the sources stay inside
    (tmp_path / "letter.txt").write_text(SMALL, encoding="utf-8")
    return tmp_path


def test_a_small_source_is_drafted_exactly_on_stdout_and_verifies(project: Path) -> None:
    done = factcheck("extract", "letter.txt", cwd=project)
    assert (done.returncode, done.stderr, done.stdout) == (0, "", SMALL_DRAFT)
    (project / "facts.yaml").write_text(done.stdout, encoding="utf-8")
    checked = factcheck("verify", cwd=project)
    assert (checked.returncode, checked.stdout) == (
        0, "0 errors, 0 warnings, 0 acknowledged; 8 facts, 3 rules in 1 file\n")
    covered = factcheck("coverage", cwd=project)
    assert (covered.returncode, covered.stdout) == (0, "coverage: 100% (8 of 8 numbers and dates; 3 excluded)\n")


def test_the_source_path_is_relative_to_where_the_output_stands(project: Path) -> None:
    (project / "drafts").mkdir()
    done = factcheck("extract", "letter.txt", "-o", "drafts/letter.yaml", cwd=project)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    written = yaml.safe_load((project / "drafts" / "letter.yaml").read_text(encoding="utf-8"))
    assert written["document"]["source"] == "../letter.txt"
    assert factcheck("verify", "drafts/letter.yaml", cwd=project).returncode == 0


def test_the_letter_drafted_verifies_with_its_one_error_of_the_calendar(tmp_path: Path) -> None:
    """The draft shows the letter's own error as `verify` shows it (a draft hides none): "vrijdag 28
    oktober jl." in a letter of 2 November 2015 names a Wednesday; every drafted fact holds."""
    (tmp_path / ".git").mkdir()
    shutil.copy(LETTER, tmp_path / "letter.txt")
    done = factcheck("extract", "letter.txt", "--date", "2015-11-02", "-o", "draft.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    checked = factcheck("verify", "draft.yaml", cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (1, "")
    assert checked.stdout == (
        'draft.yaml:940:12: error calendar: quote of geneve-vroeg-nederland-date: "vrijdag 28 oktober jl." names '
        "a Friday, but 2015-10-28 is a Wednesday\n"
        ' 940 |     quote: "op vrijdag 28 oktober jl. aan Genève vroeg Nederland"\n'
        "     |            ^\n"
        "letter.txt:760:58: note: the source states it here\n"
        "1 error, 0 warnings, 0 acknowledged; 151 facts, 6 rules in 1 file\n")
    covered = factcheck("coverage", "draft.yaml", cwd=tmp_path)
    assert (covered.returncode, covered.stdout.splitlines()[-1][:15]) == (0, "coverage: 100% ")


def test_no_date_in_the_text_and_none_given_is_exit_2_with_one_line(tmp_path: Path) -> None:
    shutil.copy(LETTER, tmp_path / "letter.txt")
    done = factcheck("extract", "letter.txt", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "factcheck: no document date found in the source; give --date YYYY-MM-DD\n")


@pytest.mark.parametrize(("args", "message"), [
    (["missing.txt"], "factcheck: source 'missing.txt' not found\n"),  # as verify says it of a fact file's source
    (["."], "factcheck: source '.' is not a regular file\n"),
    (["letter.txt", "--date", "2 nov"], "factcheck: Invalid value for --date: '2 nov' is not a date YYYY-MM-DD\n"),
    (["letter.txt", "--language", "fr"], "factcheck: Invalid value for '--language': 'fr' is not one of 'en', 'nl'.\n"),
])
def test_what_cannot_be_drafted_is_exit_2_with_one_line(project: Path, args: list[str], message: str) -> None:
    done = factcheck("extract", *args, cwd=project)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", message)


def test_an_existing_file_is_overwritten_only_with_force(project: Path) -> None:
    (project / "facts.yaml").write_text("curated\n", encoding="utf-8")
    refused = factcheck("extract", "letter.txt", "-o", "facts.yaml", cwd=project)
    assert (refused.returncode, refused.stdout, refused.stderr) == (
        2, "", "factcheck: facts.yaml exists; give --force to overwrite it\n")
    assert (project / "facts.yaml").read_text(encoding="utf-8") == "curated\n"
    forced = factcheck("extract", "letter.txt", "-o", "facts.yaml", "--force", cwd=project)
    assert (forced.returncode, forced.stderr) == (0, "")
    assert (project / "facts.yaml").read_text(encoding="utf-8") == SMALL_DRAFT
    source = factcheck("extract", "letter.txt", "-o", "letter.txt", "--force", cwd=project)
    assert (source.returncode, source.stderr) == (2, "factcheck: letter.txt is the source; refusing to overwrite it\n")


CURATED = """\
document:
  id: letter
  title: A letter
  date: "2015-11-02"
  language: nl
  source: letter.txt

facts:
  - id: budget            # curated: stays as it is
    quantity: budget
    value: 100
    unit: EUR million
    section: Financiën
    quote: "Het budget voor 2015 is geraamd op 100 miljoen euro"
"""


def test_merge_adds_only_what_the_base_does_not_cover_and_keeps_the_curated_lines(project: Path) -> None:
    (project / "facts.yaml").write_text(CURATED, encoding="utf-8")
    done = factcheck("extract", "letter.txt", "--merge", "facts.yaml", cwd=project)
    assert (done.returncode, done.stderr) == (0, "added 6 facts, 2 rules and 2 exclusions to facts.yaml\n")
    assert done.stdout.startswith(CURATED.rstrip("\n") + "\n\n  - id: euro-bestemd-luchtcampagne\n")
    added = yaml.safe_load(done.stdout)
    assert [fact["value"] for fact in added["facts"]] == [100, 60, 40, 6, 4, 220, 40]
    assert [rule["kind"] for rule in added["rules"]] == ["inclusion", "change"]
    (project / "merged.yaml").write_text(done.stdout, encoding="utf-8")
    assert factcheck("verify", "merged.yaml", cwd=project).returncode == 0
    covered = factcheck("coverage", "merged.yaml", cwd=project)
    assert (covered.returncode, covered.stdout) == (0, "coverage: 100% (8 of 8 numbers and dates; 3 excluded)\n")
    again = factcheck("extract", "letter.txt", "--merge", "merged.yaml", cwd=project)
    assert (again.returncode, again.stdout, again.stderr) == (
        0, done.stdout, "added 0 facts, 0 rules and 0 exclusions to merged.yaml\n")


def test_merge_into_an_indentless_list_and_an_empty_flow_list(project: Path) -> None:
    indentless = CURATED.replace("\n  - id: budget", "\n- id: budget").replace("\n    ", "\n  ")
    curated = indentless + "\nrules: []  # none yet\n"
    (project / "facts.yaml").write_text(curated, encoding="utf-8")
    done = factcheck("extract", "letter.txt", "--merge", "facts.yaml", cwd=project)
    assert (done.returncode, done.stderr) == (0, "added 6 facts, 2 rules and 2 exclusions to facts.yaml\n")
    assert "\n- id: euro-bestemd-luchtcampagne\n  quantity:" in done.stdout
    assert "\nrules:  # none yet\n\n  - id: nederlanders-parts\n" in done.stdout
    (project / "merged.yaml").write_text(done.stdout, encoding="utf-8")
    assert factcheck("verify", "merged.yaml", cwd=project).returncode == 0


def test_merge_of_the_curated_letter_adds_nothing() -> None:
    done = factcheck("extract", "sources/kst-27925-565.txt", "--merge", "facts.yaml", cwd=REPO)
    assert (done.returncode, done.stderr) == (0, "added 0 facts, 0 rules and 0 exclusions to facts.yaml\n")
    assert done.stdout == (REPO / "facts.yaml").read_text(encoding="utf-8")


def test_english_is_detected_and_read_as_written(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "release.txt").write_text(
        "WASHINGTON, October 2, 2015\n\nThe agency said that more than 250 people were displaced, of whom "
        "about 40 were children. The budget was increased from 3 to 4.5 million dollars. The coalition "
        "grew from 60 to 65 countries.\n", encoding="utf-8")
    done = factcheck("extract", "release.txt", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    drafted = yaml.safe_load(done.stdout)
    assert drafted["document"]["date"] == "2015-10-02"
    assert drafted["document"]["language"] == "en"
    assert [(fact["value"], fact["unit"], fact.get("qualifier", "exact")) for fact in drafted["facts"]] == [
        (250, "persons", "more_than"), (40, "persons", "circa"), (3, "items", "exact"), (4.5, "USD million", "exact"),
        (60, "countries", "exact"), (65, "countries", "exact")]
    assert drafted["rules"] == [
        {"id": "people-parts", "kind": "inclusion", "total": "people", "parts": ["children"]},
        {"id": "grew-coalition-change", "kind": "change", "from": "grew-coalition", "to": "countries",
         "direction": "increase"}]
    (tmp_path / "facts.yaml").write_text(done.stdout, encoding="utf-8")
    assert factcheck("verify", cwd=tmp_path).returncode == 0


def test_the_command_line_offers_the_languages_extract_has_words_for() -> None:
    assert sorted(WORDS) == list(EXTRACT_LANGUAGES)
    assert detect_language("De kosten van de inzet zijn voor het jaar geraamd.") == "nl"
    assert detect_language("The cost of the mission is estimated for the year.") == "en"


_PARTS = st.sampled_from(["2015", "2015-H1", "2015-H2", "2015-08", "2015-08-early", "2015-08-mid", "2015-02-late",
                          "2015-10-02", "2016-12-31"])


@given(_PARTS, _PARTS)
def test_a_date_is_written_in_the_grammar_as_the_same_interval(first: str, last: str) -> None:
    try:
        interval: DateInterval = parse_date(f"{first}/{last}")
    except ValueError:
        interval = parse_date(first)
    written = date_text(interval)
    assert parse_date(written) == interval
    assert len(written) <= len(f"{first}/{last}")


def test_a_progress_bar_shows_on_a_terminal_only_and_stdout_holds_the_yaml_alone(tmp_path: Path) -> None:
    import os
    import pty

    shutil.copy(LETTER, tmp_path / "letter.txt")
    plain = factcheck("extract", "letter.txt", "--date", "2015-11-02", cwd=tmp_path)
    assert (plain.returncode, plain.stderr) == (0, "")
    leader, follower = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "factcheck", "extract", "letter.txt", "--date", "2015-11-02"],
                          cwd=tmp_path, stdout=subprocess.PIPE, stderr=follower, text=True) as shown:
        os.close(follower)
        stdout, _ = shown.communicate()
    terminal = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once the process has ended
            break
        if not chunk:
            break
        terminal += chunk
    os.close(leader)
    assert (shown.returncode, stdout) == (0, plain.stdout)
    assert b"extracting" in terminal
    assert b"100%" in terminal


_SENTENCES = st.sampled_from([
    "Het budget is geraamd op 100 miljoen euro.",
    "Hiervan is 60 miljoen euro voor de lucht en 30 miljoen euro voor training.",
    "Circa 220 Nederlanders zijn uitgereisd, van wie waarschijnlijk 40 zijn overleden en ruim 400 teruggekeerd.",
    "Het aantal F-16's is teruggebracht van vier naar zes.",
    "Op 29 juli jl. verlengde de Raad het mandaat tot 31 juli 2016.",
    "Bijna 75% van de bevolking is teruggekeerd.",
    "Tientallen gewapende groepen stelden op 3 oktober jl. een verklaring op.",
    "Dit gebeurde in 2015 voor de eerste keer.",
    "Beide landen ondertekenden binnen een week (Kamerstuk 27 925, nr. 506).",
    "De derde acht-weekse cursus is in september 2015 voltooid.",
    "In 2016 worden 2.000 extra vlieguren gepland.",
    "Het budget voor 2015 is opgehoogd naar 122 miljoen euro, waarvan 77,5 miljoen euro voor de lucht.",
    "Nederland levert twee stafofficieren en 130 trainers.",
    "De 250.000 dodelijke slachtoffers en de 250.000 dodelijke slachtoffers.",
    "Het kabinet steunt dit, zo'n 360 miljoen euro, inclusief 48,5 miljoen euro en 110 miljoen euro.",
])
_HEADINGS = st.sampled_from(["Financiën", "Politiek", "Regio"])


@given(st.lists(st.tuples(_HEADINGS, st.lists(_SENTENCES, min_size=1, max_size=4)), min_size=1, max_size=4))
def test_every_draft_verifies_as_written(blocks: list[tuple[str, list[str]]]) -> None:
    from datetime import date

    from factcheck.extract import draft, findings_of, render, settle
    from factcheck.sourcetext import prepare

    text = "\n\n".join(f"{heading}\n\n" + "\n".join(sentences) for heading, sentences in blocks) + "\n"
    document = {"id": "d", "title": "d", "date": "2015-11-02", "language": "nl", "source": "d.txt"}
    result = draft(prepare(text), "nl", date(2015, 11, 2), document)
    drafted = len(result.facts)
    assert settle(result, lambda current: render(current, ""), "d.yaml", SourceDocument(text)) == []
    assert findings_of(render(result, ""), "d.yaml", SourceDocument(text)) == []
    assert len(result.facts) == drafted  # nothing had to be left out


def test_a_quote_that_holds_more_than_one_candidate_names_the_words_of_its_value() -> None:
    from datetime import date

    from factcheck.extract import draft
    from factcheck.sourcetext import prepare

    text = "Het pakket werd binnen een week door een commissie goedgekeurd. Er kwamen 300 mensen.\n"
    result = draft(prepare(text), "nl", date(2015, 11, 2), {})
    assert [(fact.value, fact.unit, fact.qualifier, fact.quote, fact.at) for fact in result.facts] == [
        (1, "weeks", "at_most", "Het pakket werd binnen een week door een commissie goedgekeurd", "een week"),
        (300, "persons", "exact", "Er kwamen 300 mensen", None)]


_PIECES = st.sampled_from([
    "12", "3,5", "1.000", "miljoen", "euro", "%", "juli", "2015", "jl.", "van", "naar", "waarvan", "ruim", "circa",
    "landen", "mensen", "(", ")", ".", ",", "\n", "\n\n", "Kamerstuk", "nr.", "Titel", "de", "derde", "enkele",
    "tientallen", "beide", "een", "week", "-", "'", "F-16"])


@given(st.lists(_PIECES, max_size=60))
def test_any_text_drafts_without_error_and_verifies(pieces: list[str]) -> None:
    from datetime import date

    from factcheck.extract import draft, render, settle
    from factcheck.sourcetext import prepare

    text = " ".join(pieces)
    document = {"id": "d", "title": "d", "date": "2015-11-02", "language": "nl", "source": "d.txt"}
    result = draft(prepare(text), "nl", date(2015, 11, 2), document)
    assert settle(result, lambda current: render(current, ""), "d.yaml", SourceDocument(text)) == []


@pytest.mark.parametrize(("suffix", "place"), [(".pdf", "letter.pdf:p14:46:58"), (".html", "letter.html:683:58")])
def test_the_letter_as_pdf_or_html_drafts_as_the_text_does(tmp_path: Path, suffix: str, place: str) -> None:
    """The source is read as verify reads it: the renderings of the letter draft the same 151 facts,
    and verify finds only the letter's own calendar error in them."""
    (tmp_path / ".git").mkdir()
    shutil.copy(LETTER.with_suffix(suffix), tmp_path / f"letter{suffix}")
    done = factcheck("extract", f"letter{suffix}", "--date", "2015-11-02", "-o", "draft.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    checked = factcheck("verify", "draft.yaml", cwd=tmp_path)
    assert (checked.returncode, checked.stdout.splitlines()[0], checked.stdout.splitlines()[3:]) == (
        1, 'draft.yaml:940:12: error calendar: quote of geneve-vroeg-nederland-date: "vrijdag 28 oktober jl." '
        "names a Friday, but 2015-10-28 is a Wednesday",
        [f"{place}: note: the source states it here",
         "1 error, 0 warnings, 0 acknowledged; 151 facts, 6 rules in 1 file"])


TABLE = """\
Den Haag, 2 november 2015

Uitgaven

Tabel 1 Uitgaven 2015 (x € 1.000)
Onderdeel\tBegroting\tRealisatie
Defensie\t42.284\t42.813
Financiën\t143.898\t154.783

Het pakket werd binnen een week door een commissie goedgekeurd.
"""


def test_a_table_row_is_read_alone_at_its_stated_scale_and_two_candidates_get_at(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "table.txt").write_text(TABLE, encoding="utf-8")
    done = factcheck("extract", "table.txt", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    drafted = yaml.safe_load(done.stdout)
    assert [(fact["value"], fact["unit"], fact["quote"], fact.get("at")) for fact in drafted["facts"]] == [
        (1, "uitgaven", "Tabel 1 Uitgaven", None), ("2015", "date", "Tabel 1 Uitgaven 2015", None),
        (42284, "EUR thousand", "Defensie 42.284", None), (42813, "EUR thousand", "42.813", None),
        (143898, "EUR thousand", "Financiën 143.898", None), (154783, "EUR thousand", "154.783", None),
        (1, "weeks", "Het pakket werd binnen een week door een commissie goedgekeurd", "een week")]
    assert drafted["coverage"]["exclude"][0] == {"text": "x € 1.000", "reason": "the scale of a table"}
    (tmp_path / "facts.yaml").write_text(done.stdout, encoding="utf-8")
    checked = factcheck("verify", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (
        0, "0 errors, 0 warnings, 0 acknowledged; 7 facts, 0 rules in 1 file\n")


def test_an_ambiguous_finding_names_the_words_of_the_value_rather_than_dropping_the_fact() -> None:
    from datetime import date

    from factcheck.extract import _mend, draft
    from factcheck.findings import Finding, Location, Severity
    from factcheck.sourcetext import prepare

    result = draft(prepare("Er kwamen 300 mensen.\n"), "nl", date(2015, 11, 2), {})
    fact = result.facts[0]
    assert (fact.at, fact.own) == (None, "300")
    rival = Finding("ambiguous", Severity.ERROR, "the quote states 2 values", Location("d.yaml", 5, 12),
                    facts=(fact.id,))
    _mend(result, [rival], "", "d.yaml")
    assert (result.facts, fact.at) == ([fact], "300")


def test_a_hedge_before_a_currency_sign_is_the_qualifier() -> None:
    from datetime import date

    from factcheck.extract import draft
    from factcheck.sourcetext import prepare

    result = draft(prepare("The cost is up to $6,715 per airplane.\n"), "en", date(2020, 8, 6), {})
    assert [(fact.value, fact.unit, fact.qualifier) for fact in result.facts] == [(6715, "USD", "at_most")]


RELEASE = """\
SOUTHWEST ASIA, Aug. 24, 2017

Coalition forces continued to attack ISIS in Syria yesterday, officials said.
Near Qaim, a strike destroyed an ISIS headquarters and a weapons cache.
"""


def test_an_article_before_a_singular_count_noun_and_a_relative_day_are_drafted() -> None:
    """"a strike" is one strike (the singular of a count noun of the table, not "a weapons cache"), and
    "yesterday" the day before the document's date; the draft verifies as written."""
    from datetime import date

    from factcheck.extract import draft, findings_of, render, settle
    from factcheck.sourcetext import prepare

    document = {"id": "d", "title": "d", "date": "2017-08-24", "language": "en", "source": "d.txt"}
    result = draft(prepare(RELEASE), "en", date(2017, 8, 24), document)
    assert settle(result, lambda current: render(current, ""), "d.yaml", SourceDocument(RELEASE)) == []
    assert [(fact.value, fact.unit, fact.quote, fact.at) for fact in result.facts] == [
        ("2017-08-24", "date", "SOUTHWEST ASIA, Aug. 24, 2017", None),
        ("2017-08-23", "date", "to attack ISIS in Syria yesterday", None),
        (1, "strikes", "Near Qaim, a strike destroyed an ISIS headquarters", "a")]
    assert findings_of(render(result, ""), "d.yaml", SourceDocument(RELEASE)) == []


NEGATIVE = """\
Den Haag, 2 november 2015

Verschillen

Tabel 2 Uitgaven (x € 1.000)
Hoofdstuk\tBegroting\tRealisatie\tVerschil
Algemene Zaken\t63.471\t61.570\t\u2013 1.901
Defensie\t42.284\t42.813\t529
"""


def test_a_table_cell_a_minus_sign_starts_is_drafted_negative() -> None:
    from datetime import date

    from factcheck.extract import draft, findings_of, render, settle
    from factcheck.sourcetext import prepare

    document = {"id": "d", "title": "d", "date": "2015-11-02", "language": "nl", "source": "d.txt"}
    result = draft(prepare(NEGATIVE), "nl", date(2015, 11, 2), document)
    assert settle(result, lambda current: render(current, ""), "d.yaml", SourceDocument(NEGATIVE)) == []
    assert [(fact.value, fact.unit, fact.quote) for fact in result.facts if fact.unit == "EUR thousand"] == [
        (63471, "EUR thousand", "Algemene Zaken 63.471"), (61570, "EUR thousand", "61.570"),
        (-1901, "EUR thousand", "- 1.901"), (42284, "EUR thousand", "Defensie 42.284"),
        (42813, "EUR thousand", "42.813"), (529, "EUR thousand", "529")]
    assert findings_of(render(result, ""), "d.yaml", SourceDocument(NEGATIVE)) == []


def test_a_reference_word_starts_a_word_and_a_quote_holds_another_number_whole() -> None:
    """"Sep. 18" is a date, not the page number "p. 18"; the quote of the amount after it does not
    start inside it, at the abbreviation's period."""
    from datetime import date

    from factcheck.extract import draft, findings_of, render
    from factcheck.sourcetext import prepare

    text = "The intern served from Sep. 18 and was paid $446.87 in all. See page 4 of the report.\n"
    document = {"id": "d", "title": "d", "date": "2019-09-30", "language": "en", "source": "d.txt"}
    result = draft(prepare(text), "en", date(2019, 9, 30), document)
    assert [(fact.value, fact.unit, fact.quote) for fact in result.facts] == [
        ("2019-09-18", "date", "The intern served from Sep. 18 and was paid $446.87 in all"),
        (Decimal("446.87"), "USD", "Sep. 18 and was paid $446.87 in all")]
    assert result.exclusions == [("page 4", "a page number")]
    assert findings_of(render(result, ""), "d.yaml", SourceDocument(text)) == []


CHECKS = """\
WASHINGTON, December 1, 2015

The office reviewed 12 cases this month.

Firearm background checks by state
State\tHandgun\tLong gun
Alabama\t18,870\t23,022
Alaska\t3,062\t3,209
"""


def test_a_table_cell_that_names_no_noun_counts_the_plural_noun_of_the_title_above_the_table() -> None:
    """The title and column heads above a table, up to a blank line, name what its cells count:
    "checks"; not "State" (the head of the names' column), nor "cases" of the prose above."""
    from datetime import date

    from factcheck.extract import draft, findings_of, render
    from factcheck.sourcetext import prepare

    document = {"id": "d", "title": "d", "date": "2015-12-01", "language": "en", "source": "d.txt"}
    result = draft(prepare(CHECKS), "en", date(2015, 12, 1), document)
    assert [(fact.value, fact.unit, fact.quote) for fact in result.facts] == [
        ("2015-12-01", "date", "WASHINGTON, December 1, 2015"),
        (12, "cases", "The office reviewed 12 cases this month"),
        (18870, "checks", "Alabama 18,870"), (23022, "checks", "23,022"), (3062, "checks", "Alaska 3,062"),
        (3209, "checks", "3,209")]
    assert findings_of(render(result, ""), "d.yaml", SourceDocument(CHECKS)) == []


def test_an_english_count_noun_is_the_first_word_written_as_a_plural_after_the_number() -> None:
    """Words before the noun name no unit ("ISIS", "oil", "supply"): the first plural does; a name
    in capitals is no plural."""
    from datetime import date

    from factcheck.extract import draft, findings_of, render
    from factcheck.sourcetext import prepare

    text = "Near Raqqa, three strikes destroyed eight ISIS oil stills and damaged five supply routes.\n"
    document = {"id": "d", "title": "d", "date": "2017-08-31", "language": "en", "source": "d.txt"}
    result = draft(prepare(text), "en", date(2017, 8, 31), document)
    assert [(fact.value, fact.unit) for fact in result.facts] == [(3, "strikes"), (8, "stills"), (5, "routes")]
    assert findings_of(render(result, ""), "d.yaml", SourceDocument(text)) == []


def test_a_noun_phrase_ends_at_a_comma() -> None:
    """"two staging areas, two vehicles": the first count is of areas, not of the vehicles after the comma."""
    from datetime import date

    from factcheck.extract import draft
    from factcheck.sourcetext import prepare

    text = "The strike destroyed two staging areas, two vehicles and three fighting positions.\n"
    result = draft(prepare(text), "en", date(2017, 8, 24), {})
    assert [(fact.value, fact.unit, fact.quote) for fact in result.facts] == [
        (2, "areas", "The strike destroyed two staging areas"), (2, "vehicles", "staging areas, two vehicles"),
        (3, "positions", "vehicles and three fighting positions")]


def test_a_table_continued_without_its_heads_takes_the_scale_they_state() -> None:
    """A PDF page of rows whose heads ("AMOUNT ($)") stand above the first of its tables: the table
    that follows with no blank line between continues it; one after a blank line does not."""
    from factcheck.extract import _scale_of
    from factcheck.sourcetext import Match, prepare
    from factcheck.tables import Table

    source = prepare("PAYEE  AMOUNT ($)\nCITIBANK  737.94\nAIRFARE FOR K FORD\nCITIBANK  618.00\n\nCITIBANK  70.00\n")
    heads = source.tables[0]
    # the tables as a PDF page lays them out (a text source reads them as one)
    object.__setattr__(source, "tables", (Table(1, 2, heads.names, heads.scale), Table(4, 4, (), None),
                                          Table(6, 6, (), None)))
    object.__setattr__(source, "_table_lines", [1, 4, 6])
    scales = [_scale_of(source, Match(start, start + 4)) for start in map(source.text.find, ("737", "618", "70.0"))]
    assert scales == [heads.scale, heads.scale, None]
    assert heads.scale is not None
    assert heads.scale.currency == "USD"


def test_digits_the_notation_misreads_are_not_drafted(project: Path) -> None:
    """"12,5" in an English text reads as 12 and 5: a draft that quoted "… 12" would hide the notation
    finding, so neither is drafted (coverage lists the digits with the explanation)."""
    (project / "memo.txt").write_text("Memo\n\nAt the first meeting 12,5 people came.\n\nIn all, 40 people came.\n",
                                      encoding="utf-8")
    done = factcheck("extract", "memo.txt", "--date", "2024-03-04", "--language", "en", cwd=project)
    assert done.returncode == 0
    facts = yaml.safe_load(done.stdout)["facts"]
    assert [(fact["value"], fact["quote"]) for fact in facts] == [(40, "In all, 40 people came")]


def test_a_source_outside_the_repository_is_refused_as_verify_would(
        project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "memo.txt"
    outside.write_text("Memo\n\nIn all, 40 people came.\n", encoding="utf-8")
    done = factcheck("extract", str(outside), "--date", "2024-03-04", "--language", "en", cwd=project)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"factcheck: source {str(outside)!r} lies outside the repository {str(project.resolve())!r}"
                           " where the fact file will stand; copy it into the repository first\n")


def test_a_registers_masthead_dates_the_document(project: Path) -> None:
    """A register prints its issue date with the weekday in its masthead or running header."""
    shutil.copy(REPO / "corpus" / "federal-register-2020-17221" / "source.pdf",
                project / "register.pdf")
    done = factcheck("extract", "register.pdf", "-o", "facts.yaml", cwd=project)
    assert (done.returncode, done.stderr) == (0, "")
    assert yaml.safe_load((project / "facts.yaml").read_text(encoding="utf-8"))["document"]["date"] == "2020-08-06"
