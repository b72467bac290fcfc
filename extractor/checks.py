"""Data-quality checks: the narrative's stated figures reconciled against the records."""

from __future__ import annotations

from decimal import Decimal

from schemas.records import Finding, KeyFigure

from .assemble import RecordSet
from .profile import Profile, Reconciliation


def reconcile(figures: list[KeyFigure], records: RecordSet, profile: Profile) -> list[Finding]:
    """One `sum_check` finding per stated figure that the profile can recompute:
    info when the tables agree, warning when they do not."""
    stated = {f.key: f for f in figures}
    findings = []
    for rule in profile.reconciliations:
        figure = stated.get(rule.key)
        if figure is None:
            continue
        found, how = _recompute(rule, stated, records)
        if found is None:
            continue
        if rule.ratio:
            found = _round_like(found, figure.value)
        agree = found == figure.value
        findings.append(
            Finding(
                code="sum_check",
                severity="info" if agree else "warning",
                message=(
                    f"{rule.key}: the text states {figure.value}, {how} gives {found}"
                    + ("" if agree else " (mismatch)")
                ),
                expected=figure.value,
                found=found,
                provenance=figure.provenance,
            )
        )
    return findings


def _recompute(rule: Reconciliation, stated: dict[str, KeyFigure], records: RecordSet):
    if rule.ratio:
        numerator, denominator = (stated.get(k) for k in rule.ratio)
        if numerator is None or denominator is None or not denominator.value:
            return None, ""
        return numerator.value / denominator.value, f"{rule.ratio[0]} / {rule.ratio[1]}"
    rows = getattr(records, rule.kind or "", None)
    if not rows:
        return None, ""
    selected = [r for r in rows if all(getattr(r, f) == v for f, v in rule.where)]
    if rule.count:
        return len(selected), f"the number of {rule.kind} records"
    if rule.sum:
        return sum(getattr(r, rule.sum) or 0 for r in selected), f"the sum of {rule.kind}.{rule.sum}"
    return None, ""


def _round_like(value: float, stated: float | int) -> float:
    """Round `value` to as many decimals as the stated figure shows."""
    exponent = Decimal(str(stated)).as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return round(value, decimals)
