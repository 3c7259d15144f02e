"""Human-readable tables for `avis eval` (kept out of cli so the CLI only wires)."""

from __future__ import annotations

from avis.evaluate import Report


def render_eval_table(report: Report, details: bool = False) -> str:
    rows = [f"{'field':28} {'P':>6} {'R':>6} {'F1':>6} │ {'P~':>6} {'R~':>6} {'F1~':>6}   n"]
    rows.append("─" * len(rows[0]))
    for name, (e, s) in sorted(report.field_totals().items()):
        n = s.tp + s.fn
        rows.append(
            f"{name:28} {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f} │ "
            f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {n:4d}"
        )
    rows.append("─" * len(rows[0]))
    for label, skip in (("ALL fields", False), ("ALL without 'hard'", True)):
        e, s = report.overall(skip)
        rows.append(
            f"{label:28} {e.precision:6.3f} {e.recall:6.3f} {e.f1:6.3f} │ "
            f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
        )
    n = len(report.docs)
    ok = sum(1 for d in report.docs if d.all_right)
    ok_exact = sum(1 for d in report.docs if d.all_right_exact)
    failed = [d for d in report.docs if d.error]
    flawed = [d for d in report.docs if d.defects]
    rows.append(
        f"DOCUMENTS WITH EVERY FIELD RIGHT: {ok}/{n} = {100 * ok / max(n, 1):.1f} % (soft)  "
        f"{ok_exact}/{n} = {100 * ok_exact / max(n, 1):.1f} % (exact)"
    )
    rows.append(
        f"documents: {n}  failed: {len(failed)}  with layout debris in a value (pipes, leader "
        f"dots, a label as value): {len(flawed)}"
    )
    rows.append("(P/R/F1 exact; ~ soft: case, spacing, punctuation and apostrophes ignored)")
    if details:
        for d in report.docs:
            wrong = sorted(k for k, (_, s) in d.fields.items() if s.fp or s.fn)
            if d.error or wrong:
                hard = [w for w in wrong if w in d.hard]
                rows.append(
                    f"  {d.name}: {d.error or ', '.join(wrong)}"
                    + (f"  (hard: {', '.join(hard)})" if hard else "")
                )
            rows.extend(f"  {d.name}: debris in {x}" for x in d.defects)
    return "\n".join(rows)
