import { describe, expect, it } from "vitest";
import { growthOf } from "./growth";
import { parseSizes } from "./options";
import { growthLines, rows, showbackLines, type BenchFigures } from "./report";
import { atLeast, atMost, verdicts, type Verdict } from "./targets";

const base = (accounts: number, scale = 1): BenchFigures => ({
  date: "2026-12-02 21:00 UTC",
  machine: "test",
  organization: {
    accounts,
    months: 14,
    costMonthlyRows: 300 * accounts,
    costDailyRows: 0,
    costByTagRows: 0,
    loadSeconds: 0.03 * accounts * scale,
  },
  errors: [],
});

const find = (vs: Verdict[], measure: RegExp) => {
  const v = vs.find((x) => measure.test(x.measure));
  if (!v) throw new Error(`no verdict for ${measure}`);
  return v;
};

describe("atMost / atLeast", () => {
  it("meets a limit exactly, and says by how much a miss is off", () => {
    expect(atMost(5, 5)).toEqual({ status: "met" });
    expect(atMost(1.16, 0.25)).toEqual({ status: "missed", by: "4.64× the limit" });
    expect(atLeast(0.5, 0.5)).toEqual({ status: "met" });
    expect(atLeast(0.09, 0.5)).toEqual({ status: "missed", by: "18 % of the target" });
    expect(atMost(Number.NaN, 5)).toEqual({ status: "not measured" });
  });
});

describe("verdicts", () => {
  it("lists every target of issue 16, not measured when its benchmark did not run", () => {
    const vs = verdicts(base(5000));
    expect([...new Set(vs.map((v) => v.item))]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(vs.every((v) => v.status === "not measured")).toBe(true);
  });

  it("judges each figure against its own target", () => {
    const f: BenchFigures = {
      ...base(5000),
      showback: [
        {
          name: "by OU, 14 months",
          api: { p50: 78, p95: 84, runs: 30 },
          naiveSql: { p50: 905, p95: 950, runs: 15 },
          ratio: 0.09,
          serverTiming: { sql: 60 },
        },
        {
          name: "by account, 1 month",
          api: { p50: 111, p95: 131, runs: 30 },
          naiveSql: { p50: 96, p95: 99, runs: 15 },
          ratio: 1.16,
          serverTiming: {},
        },
      ],
      load: {
        seconds: 60,
        connections: 50,
        requestsPerSecond: 221,
        p95Ms: 280,
        p50Ms: 160,
        errors: 0,
        non2xx: 1,
        requests: 13060,
      },
      requestCost: {
        path: "/api/v1/kpis",
        runs: 300,
        serverP50Ms: 4.2,
        serverP95Ms: 9,
        roundTripP50Ms: 7,
        spansP50Ms: { session: 0.1 },
        sessionDecodeP50Ms: 3,
        roleLookupP50Ms: 2,
        computedP50Ms: 40,
      },
      collectorMemory: [{ accounts: 5000, peakHeapMb: 180 }],
      awsAudit: { accounts: 1000, oneWorkerSeconds: 100, twoWorkersSeconds: 62.5 },
    };
    const vs = verdicts(f, [
      f,
      { ...base(20000), collectorMemory: [{ accounts: 20000, peakHeapMb: 250 }] },
    ]);
    expect(find(vs, /by OU/).status).toBe("met");
    expect(find(vs, /by account/)).toMatchObject({ status: "missed", by: "4.64× the limit" });
    // p97.5 within the limit but one non-2xx answer: missed.
    expect(find(vs, /Read load/)).toMatchObject({ status: "missed", by: "1 errors" });
    expect(find(vs, /response cache/).status).toBe("met");
    expect(find(vs, /heap.*5,000/).status).toBe("met");
    expect(find(vs, /heap.*20,000/)).toMatchObject({ status: "missed", by: "1.25× the limit" });
    expect(find(vs, /1 worker/).status).toBe("met");
    // 100 / 62.5 = 1.6× faster: short of 1.7.
    expect(find(vs, /2 workers/)).toMatchObject({
      status: "missed",
      figure: "62.5 s (1.6× faster)",
    });
  });

  it("flags a figure growing faster than linearly across sizes, and prints the curve", () => {
    const runs = [1000, 5000, 20000].map((a) => ({
      ...base(a),
      organization: { ...base(a).organization, loadSeconds: 0.001 * a ** 1.4 },
    }));
    const growth = growthOf(runs);
    const load = find(verdicts(runs[1] ?? base(5000), runs, growth), /Growth: Load time/);
    expect(load).toMatchObject({ item: 5, status: "missed" });
    expect(load.figure).toBe("exponent 1.4 over 1,000, 5,000, 20,000 accounts");
    // A figure no size measured is "not measured", never a pass.
    expect(find(verdicts(base(5000), runs, growth), /Growth: Collector peak heap/).status).toBe(
      "not measured",
    );
    const table = growthLines({ main: base(5000), sizes: runs, growth });
    expect(table[0]).toBe(
      "| Figure | 1,000 accounts | 5,000 accounts | 20,000 accounts | Exponent |  |",
    );
    expect(table.find((l) => l.startsWith("| Load time"))).toContain("FASTER THAN LINEAR");
  });

  it("shows where each showback case's server time goes, at each size", () => {
    const f: BenchFigures = {
      ...base(1000),
      showback: [
        {
          name: "by OU, 14 months",
          api: { p50: 30, p95: 40, runs: 30 },
          naiveSql: { p50: 100, p95: 110, runs: 15 },
          ratio: 0.3,
          serverTiming: { session: 0.4, sql: 21.5, total: 24 },
        },
      ],
    };
    const lines = showbackLines({ main: f, sizes: [f, base(5000)], growth: [] });
    expect(lines[0]).toBe("## Where showback's time goes");
    expect(lines).toContain(
      "- 1,000 accounts, by OU, 14 months: API p50 30 ms (naive SQL 100 ms); server time by span: session 0.4 ms, sql 21.5 ms, total 24 ms.",
    );
    // A size without showback figures adds no line, and no figures at all add no section.
    expect(lines.filter((l) => l.startsWith("- "))).toHaveLength(1);
    expect(showbackLines({ main: base(5000), sizes: [base(5000)], growth: [] })).toEqual([]);
  });

  it("puts every verdict in the report table with its status", () => {
    const table = rows({ main: base(5000), sizes: [base(5000)], growth: [] });
    expect(table.filter((r) => r[4] === "not measured")).toHaveLength(verdicts(base(5000)).length);
  });
});

describe("parseSizes", () => {
  it("reads a list of sizes, smallest first, without repeats", () => {
    expect(parseSizes("20000, 1000,5_000,1000")).toEqual([1000, 5000, 20000]);
    expect(parseSizes("5000")).toEqual([5000]);
  });

  it("refuses what is not a number of accounts, naming it", () => {
    expect(() => parseSizes("1000,5k")).toThrow('"5k" is not a whole number');
    expect(() => parseSizes("0")).toThrow('"0"');
    expect(() => parseSizes(",")).toThrow("give one or more");
  });
});
