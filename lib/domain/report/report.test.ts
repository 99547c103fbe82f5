import { describe, expect, it } from "vitest";
import { ALL_CHECKS } from "@/lib/domain/checks";
import { KPI } from "@/lib/domain/kpis/types";
import { AREAS, CHECK_PLAYBOOK, KPI_AREA, checkPlaybook } from "./playbook-areas";
import { areaStatus, comparePlanItems, phaseOf, type TPlanInput } from "./remediation-plan";

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

describe("playbook areas", () => {
  it("gives every check an area and an effort", () => {
    const missing = ALL_CHECKS.map((c) => c.definition.id).filter((id) => !CHECK_PLAYBOOK[id]);
    expect(missing).toEqual([]);
  });

  it("names no check that does not exist", () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.definition.id));
    expect(Object.keys(CHECK_PLAYBOOK).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("gives every KPI an area, and every area a check", () => {
    for (const id of Object.values(KPI)) expect(AREAS).toContain(KPI_AREA[id]);
    const covered = new Set(Object.values(CHECK_PLAYBOOK).map((p) => p.area));
    expect(AREAS.filter((a) => !covered.has(a))).toEqual([]);
  });

  it("puts a retired check's findings in its category's area", () => {
    expect(checkPlaybook("RETIRED_CHECK", "logging")).toEqual({ area: "logging", effort: "M" });
  });
});

describe("area status", () => {
  it("is not met with any open critical or high finding", () => {
    expect(areaStatus({ ...zero, high: 1 })).toBe("not-met");
    expect(areaStatus({ ...zero, critical: 2, low: 5 })).toBe("not-met");
  });
  it("is partly met with medium or low findings only", () => {
    expect(areaStatus({ ...zero, medium: 3 })).toBe("partly");
    expect(areaStatus({ ...zero, low: 1 })).toBe("partly");
  });
  it("is met with nothing open, or info findings only (look-alike)", () => {
    expect(areaStatus(zero)).toBe("met");
    expect(areaStatus({ ...zero, info: 9 })).toBe("met");
  });
});

describe("remediation phases", () => {
  it.each([
    ["critical", "L", 1],
    ["critical", "S", 1],
    ["high", "S", 1],
    ["high", "M", 2],
    ["high", "L", 2],
    ["medium", "S", 2],
    ["medium", "M", 2],
    ["medium", "L", 3],
    ["low", "S", 3],
    ["info", "S", 3],
  ] as const)("%s severity, effort %s → phase %i", (severity, effort, phase) => {
    expect(phaseOf(severity, effort)).toBe(phase);
  });

  it("orders by phase, then severity, then effort, then size", () => {
    const items: TPlanInput[] = [
      { checkId: "LOW_S", severity: "low", effort: "S", open: 50 },
      { checkId: "HIGH_L", severity: "high", effort: "L", open: 1 },
      { checkId: "CRIT_L", severity: "critical", effort: "L", open: 1 },
      { checkId: "HIGH_S", severity: "high", effort: "S", open: 2 },
      { checkId: "MED_S", severity: "medium", effort: "S", open: 4 },
      { checkId: "CRIT_S_BIG", severity: "critical", effort: "S", open: 9 },
      { checkId: "CRIT_S", severity: "critical", effort: "S", open: 3 },
      { checkId: "HIGH_M", severity: "high", effort: "M", open: 1 },
    ];
    expect(items.toSorted(comparePlanItems).map((i) => i.checkId)).toEqual([
      "CRIT_S_BIG",
      "CRIT_S",
      "CRIT_L",
      "HIGH_S",
      "HIGH_M",
      "HIGH_L",
      "MED_S",
      "LOW_S",
    ]);
  });
});
