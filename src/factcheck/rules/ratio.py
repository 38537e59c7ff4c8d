"""ratio — a stated share equals part divided by whole.

A ``ratio`` rule names a ``part``, a ``whole`` (numbers of one dimension) and a ``share`` in
``percent`` or ``fraction``.  All three are intervals (precision and qualifier), divided exactly:
an end of the quotient is reached only when the ends it comes from are (an end that an inexact
division rounded outwards is taken as reached), and a whole that may be zero allows any share.  The
rule is an **error** when the share cannot equal any quotient the part and whole allow ("ruim
100%" of a part that is the whole), and a **warning** when only the vague tolerance makes them
meet, or only a single boundary value does.  A whole of exactly zero is an error.

Passes — 77,5 of 122 million is 64 percent::

    facts:
      - {id: air, value: 77.5, unit: EUR million}
      - {id: budget, value: 122, unit: EUR million}
      - {id: air-share, value: 64, unit: percent}
    rules:
      - {id: air-part, kind: ratio, part: air, whole: budget, share: air-share}

Fails — it is not 75 percent::

    facts:
      - {id: air, value: 77.5, unit: EUR million}
      - {id: budget, value: 122, unit: EUR million}
      - {id: air-share, value: 75, unit: percent}
    rules:
      - {id: air-part, kind: ratio, part: air, whole: budget, share: air-share}

    facts.yaml:29:5: error ratio: ratio air-part: air / budget = [63.2, 63.9] percent, but air-share = [74.5, 75.5) percent
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, Inexact, InvalidOperation, localcontext

from factcheck.findings import Finding, Severity
from factcheck.intervals import INF, Interval
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, loose, mixed_dimensions, unfit, violation
from factcheck.rules.spec import FactRef, RuleKind

_DISPLAY = Decimal("0.1")  # a quotient is shown to a tenth of the share's unit, rounded outwards


def _corners(part: Interval, whole: Interval, rounding: str) -> list[tuple[Decimal, bool]]:
    """Each quotient of an end of `part` by an end of `whole`, and whether it stays unreached: when
    either end is, unless the division was rounded (outwards, so the rounded end is reached)."""
    quotients = []
    with localcontext() as context:
        context.rounding = rounding
        for numerator, numerator_open in ((part.lo, part.lo_open), (part.hi, part.hi_open)):
            for denominator, denominator_open in ((whole.lo, whole.lo_open), (whole.hi, whole.hi_open)):
                context.clear_flags()
                try:
                    divided = numerator / denominator
                except InvalidOperation:  # ∞ / ∞ is never the extreme: that lies at the finite end of the whole
                    continue
                unreached = numerator_open or denominator_open or numerator.is_infinite() or denominator.is_infinite()
                quotients.append((divided, unreached and not context.flags[Inexact]))
    return quotients


def _extreme(corners: list[tuple[Decimal, bool]], lowest: bool) -> tuple[Decimal, bool]:
    """The lowest (or highest) quotient, unreached only if every corner giving it is."""
    value = (min if lowest else max)(divided for divided, _ in corners)
    return value, all(unreached for divided, unreached in corners if divided == value)


def quotient(part: Interval, whole: Interval) -> Interval:
    """Every part / whole the intervals allow, bounds rounded outwards; all numbers when whole may be 0."""
    if whole.lo <= 0 <= whole.hi:
        return Interval(-INF, INF)
    lo, lo_open = _extreme(_corners(part, whole, ROUND_FLOOR), lowest=True)
    hi, hi_open = _extreme(_corners(part, whole, ROUND_CEILING), lowest=False)
    return Interval(lo, hi, lo_open, hi_open)


def _shown(interval: Interval) -> Interval:
    def rounded(number: Decimal, rounding: str) -> Decimal:
        return number if number.is_infinite() else number.quantize(_DISPLAY, rounding=rounding)

    low, high = rounded(interval.lo, ROUND_FLOOR), rounded(interval.hi, ROUND_CEILING)
    # an end that rounding moved outwards is reached in what is shown
    return Interval(low, high, interval.lo_open and low == interval.lo, interval.hi_open and high == interval.hi)


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("ratio"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    part, whole, share = (base.fact(rule, name) for name in ("part", "whole", "share"))
    involved = [part, whole, share]
    problem = (mixed_dimensions(rule, [part, whole])
               or unfit(rule, "part", part, "a number", part.magnitude is not None)
               or unfit(rule, "share", share, "a share (percent or fraction)", share.unit.is_ratio))
    if problem is not None:
        yield problem
        return
    if loose(whole) == Interval(Decimal(0), Decimal(0)):
        yield violation(rule, Severity.ERROR, f"whole {whole.id} is zero, so no share of it is defined", involved)
        return

    def holds(pick: Pick) -> bool:
        return quotient(pick(part), pick(whole)).intersects(pick(share))

    verdict = judge(holds)
    if verdict is not None:
        pick = verdict.pick
        divided = quotient(pick(part), pick(whole)).scale(Decimal(1) / share.unit.factor)
        message = (f"{part.id} / {whole.id} = {_shown(divided)} {share.unit.written}, "
                   f"but {share.id} = {in_unit(pick(share), share)}{verdict.tail}")
        yield violation(rule, verdict.severity, message, involved)


KIND = RuleKind(
    name="ratio",
    check=check,
    description="A stated share equals part / whole within precision.",
    references={"part": FactRef(), "whole": FactRef(), "share": FactRef()},
)
