"""The kinds' docstrings rendered as plain text (the terminal) and Markdown (SARIF, docs/rules.md)."""

from __future__ import annotations

import pytest

from factcheck.docrender import markdown, plain
from factcheck.kinds import documentation, known_kinds

DOC = """\
sum — the ``parts`` add up.

A ``sum`` rule is an **error** when they do not; see `factcheck rules`.

* a ``range``: both ends,
  stated as numbers;
* a date.

Passes::

    facts:
      - {id: air, value: 1, unit: EUR million}

Fails — not 2::

    facts:
      - {id: air, value: 2, unit: EUR million}

    facts.yaml:2:5: error sum: sum split: no
"""


def test_plain_drops_the_markup_and_keeps_literal_blocks_indented() -> None:
    assert plain(DOC) == """\
sum — the parts add up.

A sum rule is an error when they do not; see factcheck rules.

- a range: both ends,
  stated as numbers;
- a date.

Passes:

    facts:
      - {id: air, value: 1, unit: EUR million}

Fails — not 2:

    facts:
      - {id: air, value: 2, unit: EUR million}

    facts.yaml:2:5: error sum: sum split: no"""


def test_markdown_has_code_spans_and_fences_yaml_apart_from_output() -> None:
    assert markdown(DOC) == """\
sum — the `parts` add up.

A `sum` rule is an **error** when they do not; see `factcheck rules`.

* a `range`: both ends,
  stated as numbers;
* a date.

Passes:

```yaml
facts:
  - {id: air, value: 1, unit: EUR million}
```

Fails — not 2:

```yaml
facts:
  - {id: air, value: 2, unit: EUR million}
```

```
facts.yaml:2:5: error sum: sum split: no
```"""


@pytest.mark.parametrize("kind", known_kinds())
def test_every_kind_renders_without_leftover_markup(kind: str) -> None:
    text = documentation(kind).text
    assert "``" not in plain(text)
    assert "**" not in plain(text)
    assert "::\n" not in plain(text) + "\n"
    fences = [line for line in markdown(text).splitlines() if line.startswith("```")]
    assert len(fences) % 2 == 0
    assert set(fences[1::2]) <= {"```"}  # every fence that opens is closed
    assert "``" not in "\n".join(line for line in markdown(text).splitlines() if not line.startswith("```"))
