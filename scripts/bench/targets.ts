// Issue 16's targets, each judged against the figures of one `npm run bench`: met, missed (and by
// how much), or not measured (a step that failed, or a figure whose benchmark is not part of this
// run). Pure: the report prints these and `--json` carries them.
import { GROWTH_LIMIT, type GrowthSeries } from "./growth";
import type { BenchFigures } from "./report";

export type Status = "met" | "missed" | "not measured";

export interface Verdict {
  /** Issue 16's item number. */
  item: number;
  measure: string;
  figure: string;
  target: string;
  status: Status;
  /** For a miss: how far off, e.g. "4.64× the limit". */
  by?: string;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const NOT_MEASURED = "not measured";

/** ≤ limit: the miss is how many times the limit the value is. */
export function atMost(value: number, limit: number): Pick<Verdict, "status" | "by"> {
  if (!Number.isFinite(value)) return { status: "not measured" };
  return value <= limit
    ? { status: "met" }
    : { status: "missed", by: `${r2(value / limit)}× the limit` };
}

/** ≥ floor: the miss is which share of the target the value reached. */
export function atLeast(value: number, floor: number): Pick<Verdict, "status" | "by"> {
  if (!Number.isFinite(value)) return { status: "not measured" };
  return value >= floor
    ? { status: "met" }
    : { status: "missed", by: `${Math.round((value / floor) * 100)} % of the target` };
}

/** Both must hold; the first miss is reported. */
function both(a: Pick<Verdict, "status" | "by">, b: Pick<Verdict, "status" | "by">) {
  if (a.status === "not measured" || b.status === "not measured")
    return { status: NOT_MEASURED } as const;
  return a.status === "missed" ? a : b;
}

const absent = (item: number, measure: string, target: string): Verdict => ({
  item,
  measure,
  figure: "—",
  target,
  status: "not measured",
});

/** `main` is the run the table describes; `runs` every size of a `--sizes` run (main included). */
export function verdicts(
  main: BenchFigures,
  runs: readonly BenchFigures[] = [main],
  growth: readonly GrowthSeries[] = [],
): Verdict[] {
  const out: Verdict[] = [];
  const cases = main.export?.cases ?? [];
  for (const [pattern, name] of [
    [/chargeback/i, "Export: chargeback CSV"],
    [/focus/i, "Export: FOCUS CSV"],
  ] as const) {
    const c = cases.find((x) => pattern.test(x.name));
    const target = "≥ 0.5 × COPY rows/s";
    out.push(
      c
        ? {
            item: 1,
            measure: name,
            figure: `${c.rowsPerSecond.toLocaleString("en")} rows/s vs COPY ${c.copyRowsPerSecond.toLocaleString("en")} (ratio ${c.ratioToCopy})`,
            target,
            ...atLeast(c.ratioToCopy, 0.5),
          }
        : absent(1, name, target),
    );
  }
  const e = main.export;
  out.push(
    e
      ? {
          item: 2,
          measure: "Server peak RSS during the exports",
          figure: `${Math.max(e.peakRssMb, e.hwmMb)} MB`,
          target: "< 300 MB",
          ...(Math.max(e.peakRssMb, e.hwmMb) < 300
            ? { status: "met" as const }
            : atMost(Math.max(e.peakRssMb, e.hwmMb), 300)),
        }
      : absent(2, "Server peak RSS during the exports", "< 300 MB"),
  );
  for (const size of [5000, 20000]) {
    const measure = `Collector peak heap, full backfill, ${size.toLocaleString("en")} accounts`;
    const m = runs.flatMap((f) => f.collectorMemory ?? []).find((c) => c.accounts === size);
    out.push(
      m
        ? {
            item: 3,
            measure,
            figure: `${m.peakHeapMb} MB`,
            target: "≤ 200 MB",
            ...atMost(m.peakHeapMb, 200),
          }
        : absent(3, measure, "≤ 200 MB"),
    );
  }
  const rc = main.requestCost;
  out.push(
    rc
      ? {
          item: 4,
          measure: "Authenticated answer from the response cache",
          figure: `server time p50 ${rc.serverP50Ms} ms (round trip ${rc.roundTripP50Ms} ms)`,
          target: "p50 ≤ 5 ms server time",
          ...atMost(rc.serverP50Ms, 5),
        }
      : absent(4, "Authenticated answer from the response cache", "p50 ≤ 5 ms server time"),
  );
  for (const [pattern, name, limit] of [
    [/by OU/i, "Showback by OU, 14 months", 0.1],
    [/by account/i, "Showback by account, 1 month", 0.25],
  ] as const) {
    const s = main.showback?.find((x) => pattern.test(x.name));
    const target = `≤ ${limit} × naive SQL (p50)`;
    out.push(
      s
        ? {
            item: 4,
            measure: name,
            figure: `API p50 ${s.api.p50} ms, p95 ${s.api.p95} ms; naive SQL p50 ${s.naiveSql.p50} ms (ratio ${s.ratio})`,
            target,
            ...atMost(s.ratio, limit),
          }
        : absent(4, name, target),
    );
  }
  const l = main.load;
  const loadName = `Read load, ${l?.connections ?? 50} clients`;
  out.push(
    l
      ? {
          item: 4,
          measure: loadName,
          figure: `p97.5 ${l.p95Ms} ms, ${l.errors + l.non2xx} errors of ${l.requests.toLocaleString("en")}`,
          target: "p97.5 ≤ 300 ms, 0 errors",
          ...both(
            atMost(l.p95Ms, 300),
            l.errors + l.non2xx === 0
              ? { status: "met" }
              : { status: "missed", by: `${l.errors + l.non2xx} errors` },
          ),
        }
      : absent(4, loadName, "p97.5 ≤ 300 ms, 0 errors"),
  );
  for (const g of growth) {
    const target = `log-log exponent ≤ ${GROWTH_LIMIT}`;
    out.push({
      item: 5,
      measure: `Growth: ${g.name}`,
      figure:
        g.exponent === null
          ? NOT_MEASURED
          : `exponent ${g.exponent} over ${g.points.map((p) => p.accounts.toLocaleString("en")).join(", ")} accounts`,
      target,
      ...(g.exponent === null
        ? { status: "not measured" as const }
        : atMost(g.exponent, GROWTH_LIMIT)),
    });
  }
  if (!growth.length)
    out.push(absent(5, "Growth (run with --sizes 1000,5000,20000)", `exponents ≤ ${GROWTH_LIMIT}`));
  const a = runs.map((f) => f.awsAudit).find(Boolean);
  if (a) {
    out.push({
      item: 6,
      measure: `Member-account audits, ${a.accounts.toLocaleString("en")} accounts, 1 worker`,
      figure: `${a.oneWorkerSeconds} s`,
      target: "≤ 120 s",
      ...atMost(a.oneWorkerSeconds, 120),
    });
    const speedup = r2(a.oneWorkerSeconds / a.twoWorkersSeconds);
    out.push({
      item: 6,
      measure: "Member-account audits, 2 workers",
      figure: `${a.twoWorkersSeconds} s (${speedup}× faster)`,
      target: "≥ 1.7× faster than 1 worker",
      ...atLeast(speedup, 1.7),
    });
  } else {
    out.push(absent(6, "Member-account audits, 1,000 accounts, 1 worker", "≤ 120 s"));
    out.push(absent(6, "Member-account audits, 2 workers", "≥ 1.7× faster than 1 worker"));
  }
  return out;
}

export function statusCell(v: Verdict): string {
  if (v.status === "met") return "met";
  if (v.status === "missed") return `MISSED${v.by ? ` (${v.by})` : ""}`;
  return NOT_MEASURED;
}
