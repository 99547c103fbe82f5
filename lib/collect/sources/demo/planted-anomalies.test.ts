import { describe, expect, it } from "vitest";
import { detectAnomalies } from "@/lib/domain/anomalies/detect-anomalies";
import type { DailySeries } from "@/lib/domain/anomalies/types";
import { generateDemoSnapshot } from "./index";
import { plantedKind } from "./planted-anomalies";

describe("anomalies planted in the demo's daily spend", () => {
  const snap = generateDemoSnapshot();
  const days = [...new Set((snap.costs.daily ?? []).map((d) => d.day))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const series = new Map<string, DailySeries & { values: Float64Array }>();
  for (const r of snap.costs.daily ?? []) {
    const key = `${r.accountId}/${r.service}`;
    const s = series.get(key) ?? {
      accountId: r.accountId,
      service: r.service,
      start: days[0] ?? "",
      values: new Float64Array(days.length),
    };
    s.values[index.get(r.day) ?? 0] = Number(r.unblended);
    series.set(key, s);
  }
  const found = detectAnomalies(series.values());

  it("gives the Anomalies page something of every kind", () => {
    expect(new Set(found.map((a) => a.kind))).toEqual(
      new Set(["spike", "level_shift", "drift", "new_service"]),
    );
  });

  it("the detector finds most planted lines as the kind planted", () => {
    const planted = [...series.values()].filter((s) => plantedKind(s.accountId, s.service));
    expect(planted.length).toBeGreaterThanOrEqual(6);
    const hit = planted.filter((s) =>
      found.some(
        (a) =>
          a.accountId === s.accountId &&
          a.service === s.service &&
          a.kind === plantedKind(s.accountId, s.service),
      ),
    );
    expect(hit.length / planted.length).toBeGreaterThanOrEqual(0.5);
  });
});
