"""Text output of `factcheck coverage`: one line per uncovered item or stale exclusion, then the share."""

from __future__ import annotations

from factcheck.coverage import Coverage


def render(result: Coverage) -> str:
    lines = [f"{item.location}: uncovered \"{item.text}\"" + (f": {item.note}" if item.note else "")
             for item in result.uncovered]
    lines += [f"{stale.location}: stale exclusion {stale.what} matches nothing in the source"
              for stale in result.stale]
    share = "100" if result.covered == result.total else str(result.share)
    excluded = f"; {result.excluded} excluded" if result.excluded else ""
    lines.append(f"coverage: {share}% ({result.covered} of {result.total} numbers and dates{excluded})")
    return "\n".join(lines) + "\n"
