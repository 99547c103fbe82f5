import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { SECURITYHUB_COVERAGE, securityHubCoverage } from "./securityhub-coverage";
import { ACC, auditOf, findingsOf } from "@/testing/checks/fixtures";

const hub =
  (enabled: boolean, critical = 0, high = 0) =>
  (s: TSnapshot) => {
    auditOf(s, ACC.prod).securityHub = {
      enabled,
      findings: { critical, high, medium: 3, low: 9 },
      standards: null,
    };
  };

describe(SECURITYHUB_COVERAGE, () => {
  it.each([
    { name: "enabled, no critical/high: pass", mutate: hub(true), expected: [] },
    { name: "disabled", mutate: hub(false), expected: ["|medium"] },
    {
      name: "not found",
      mutate: (s: TSnapshot) => void (auditOf(s, ACC.prod).securityHub = null),
      expected: ["|medium"],
    },
    {
      name: "a few high findings (the usual backlog): pass",
      mutate: hub(true, 0, 5),
      expected: [],
    },
    {
      name: "high findings above the tolerance",
      mutate: hub(true, 0, 6),
      expected: ["active-findings|medium"],
    },
    { name: "critical findings", mutate: hub(true, 2, 4), expected: ["active-findings|high"] },
    {
      name: "audit failed: no conclusion",
      mutate: (s: TSnapshot) => {
        hub(false)(s);
        auditOf(s, ACC.prod).status = "failed";
      },
      expected: [],
    },
  ])("$name", ({ mutate, expected }) => {
    const findings = findingsOf(securityHubCoverage, mutate);
    expect(findings.map((f) => `${f.resource}|${f.severity}`)).toEqual(expected);
    for (const f of findings) expect(f.accountId).toBe(ACC.prod);
  });

  it("counts active critical and high findings per account", () => {
    const [f] = findingsOf(securityHubCoverage, hub(true, 2, 4));
    expect(f?.evidence).toMatchObject({ critical: 2, high: 4 });
  });
});
