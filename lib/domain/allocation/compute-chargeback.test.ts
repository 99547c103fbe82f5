import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeChargeback } from "./compute-chargeback";
import { Dec, formatCents, toCentsHalfUp } from "./largest-remainder";
import type { RuleVersion } from "./rules";
import { ALLOCATION_SOURCES } from "./settings";
import type { ChargebackInput } from "./types";

const A = "111111111111";
const B = "222222222222";
const C = "333333333333";
const NET = "444444444444";

const base: ChargebackInput = {
  costs: [],
  accounts: [
    { id: A, tagCostCenter: "CC-A", ouId: "ou-prod" },
    { id: B, tagCostCenter: "CC-B", ouId: "ou-prod" },
    { id: C, tagCostCenter: null, ouId: "ou-sdlc" },
    { id: NET, tagCostCenter: "CC-NET", ouId: "ou-infra" },
  ],
  ous: [
    { id: "r", parentId: null, defaultCostCenter: null },
    { id: "ou-work", parentId: "r", defaultCostCenter: "CC-WORK" },
    { id: "ou-prod", parentId: "ou-work", defaultCostCenter: null },
    { id: "ou-sdlc", parentId: "ou-work", defaultCostCenter: null },
    { id: "ou-infra", parentId: "r", defaultCostCenter: null },
  ],
  tagShares: [],
  rules: [],
  order: ["accountTag", "ouDefault", "tagSplit"],
};

const rule = (r: Partial<RuleVersion> & Pick<RuleVersion, "method" | "targets">): RuleVersion => ({
  ruleKey: "shared-network",
  version: 1,
  name: "Shared network",
  sourceAccounts: [NET],
  sourceServices: [],
  validFrom: "2026-01-01",
  validTo: null,
  ...r,
});

const summary = (input: ChargebackInput) =>
  computeChargeback(input).lines.map((l) => [
    l.costCenter,
    l.accountId,
    formatCents(l.directCents),
    formatCents(l.sharedCents),
    l.basis,
  ]);

describe("computeChargeback: where direct cost goes", () => {
  it("charges tagged accounts to their tag, untagged ones to the nearest OU default", () => {
    const costs = [
      { accountId: A, service: "EC2", amount: "10.004" },
      { accountId: A, service: "S3", amount: "0.004" },
      { accountId: C, service: "EC2", amount: "5.5" },
    ];
    expect(summary({ ...base, costs })).toEqual([
      ["CC-A", A, "10.01", "0.00", "accountTag"],
      ["CC-WORK", C, "5.50", "0.00", "ouDefault"],
    ]);
  });

  it("follows the configured order: a tag split first, its untagged rest to the next source, else unallocated", () => {
    const costs = [{ accountId: A, service: "EC2", amount: "100" }];
    const tagShares = [
      { accountId: A, value: "CC-X", amount: "30" },
      { accountId: A, value: "CC-Y", amount: "50" },
      { accountId: A, value: "", amount: "20" },
    ];
    expect(summary({ ...base, costs, tagShares, order: ["tagSplit", "accountTag"] })).toEqual([
      ["CC-A", A, "20.00", "0.00", "accountTag"],
      ["CC-X", A, "30.00", "0.00", "tagSplit"],
      ["CC-Y", A, "50.00", "0.00", "tagSplit"],
    ]);
    expect(summary({ ...base, costs, tagShares, order: ["tagSplit"] })).toEqual([
      ["CC-X", A, "30.00", "0.00", "tagSplit"],
      ["CC-Y", A, "50.00", "0.00", "tagSplit"],
      ["unallocated", A, "20.00", "0.00", "unallocated"],
    ]);
    expect(summary({ ...base, costs, order: [] })).toEqual([
      ["unallocated", A, "100.00", "0.00", "unallocated"],
    ]);
  });

  it("keeps accounts unknown to the organization, in the unallocated bucket", () => {
    expect(
      summary({ ...base, costs: [{ accountId: "999999999999", service: "EC2", amount: "1" }] }),
    ).toEqual([["unallocated", "999999999999", "1.00", "0.00", "unallocated"]]);
  });
});

describe("computeChargeback: shared-cost rules", () => {
  const costs = [
    { accountId: A, service: "EC2", amount: "300" },
    { accountId: B, service: "EC2", amount: "100" },
    { accountId: NET, service: "VPC", amount: "100.01" },
    { accountId: NET, service: "AWS Support (Business)", amount: "10" },
  ];

  it("splits a shared account (all its services) proportionally to the targets' direct spend, to the cent", () => {
    const r = rule({
      method: "proportional",
      targets: [
        { kind: "costCenter", id: "CC-A" },
        { kind: "costCenter", id: "CC-B" },
      ],
    });
    const out = computeChargeback({ ...base, costs, rules: [r] });
    expect(out.totalCents).toBe(51001n);
    expect(out.pools[0]?.targets.map((t) => t.cents)).toEqual([8251n, 2750n]);
    expect(
      out.lines.map((l) => [l.costCenter, formatCents(l.directCents), formatCents(l.sharedCents)]),
    ).toEqual([
      ["CC-A", "300.00", "82.51"],
      ["CC-B", "100.00", "27.50"],
    ]);
  });

  it("splits by fixed percentages or evenly, and OU targets reach the accounts under the OU", () => {
    const fixed = rule({
      method: "fixed",
      targets: [
        { kind: "ou", id: "ou-prod", percent: 60 },
        { kind: "costCenter", id: "CC-NET", percent: 40 },
      ],
    });
    const out = computeChargeback({
      ...base,
      costs: [...costs, { accountId: NET, service: "Route 53", amount: "0" }],
      rules: [fixed],
      order: ["accountTag"],
    });
    expect(out.pools[0]?.targets.map((t) => formatCents(t.cents))).toEqual(["66.01", "44.00"]);
    const even = rule({
      method: "even",
      sourceAccounts: [],
      sourceServices: ["AWS Support (Business)"],
      targets: [
        { kind: "costCenter", id: "CC-A" },
        { kind: "costCenter", id: "CC-B" },
        { kind: "costCenter", id: "CC-NEW" },
      ],
    });
    const out2 = computeChargeback({ ...base, costs, rules: [even] });
    expect(out2.pools[0]?.targets.map((t) => formatCents(t.cents))).toEqual([
      "3.34",
      "3.33",
      "3.33",
    ]);
    expect(out2.lines.find((l) => l.costCenter === "CC-NEW")).toMatchObject({
      accountId: "",
      sharedCents: 333n,
      basis: "shared",
    });
    expect(out2.warnings[0]).toMatch(/CC-NEW has no accounts/);
  });

  it("takes a cost line for the first rule (by key) that matches it, account and service both required when both are given", () => {
    const support = rule({
      ruleKey: "a-support",
      name: "Support",
      sourceServices: ["AWS Support (Business)"],
      method: "even",
      targets: [{ kind: "costCenter", id: "CC-B" }],
    });
    const network = rule({ method: "even", targets: [{ kind: "costCenter", id: "CC-A" }] });
    const out = computeChargeback({ ...base, costs, rules: [network, support] });
    expect(out.pools.map((p) => [p.ruleKey, formatCents(p.sourceCents)])).toEqual([
      ["a-support", "10.00"],
      ["shared-network", "100.01"],
    ]);
  });
});

const account = fc.constantFrom(A, B, C, NET, "555555555555");
const amount = fc
  .tuple(fc.integer({ min: -5_000_000, max: 50_000_000 }), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([u, f]) => `${u}.${String(f).padStart(7, "0")}`);
const target = fc.oneof(
  fc.record({
    kind: fc.constant("costCenter" as const),
    id: fc.constantFrom("CC-A", "CC-B", "CC-NET", "CC-WORK", "CC-NONE", "unallocated"),
  }),
  fc.record({
    kind: fc.constant("ou" as const),
    id: fc.constantFrom("r", "ou-work", "ou-prod", "ou-sdlc", "ou-infra", "ou-gone"),
  }),
);
const ruleArb = fc
  .record({
    key: fc.constantFrom("a", "b", "c"),
    sourceAccounts: fc.subarray([A, B, C, NET]),
    sourceServices: fc.subarray(["EC2", "VPC", "Support"]),
    method: fc.constantFrom("proportional" as const, "even" as const, "fixed" as const),
    targets: fc.uniqueArray(target, {
      minLength: 1,
      maxLength: 4,
      selector: (t) => `${t.kind}:${t.id}`,
    }),
  })
  .map(({ key, targets, method, ...r }) =>
    rule({
      ...r,
      ruleKey: key,
      name: key,
      method,
      targets:
        method === "fixed"
          ? targets.map((t, i) => ({
              ...t,
              percent: i === 0 ? 100 - (targets.length - 1) * 10 : 10,
            }))
          : targets,
    }),
  );

describe("computeChargeback: properties", () => {
  it("always reconciles: lines add up to the organization's total to the cent, pools are spent exactly", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            accountId: account,
            service: fc.constantFrom("EC2", "VPC", "Support"),
            amount,
          }),
          { maxLength: 40 },
        ),
        fc.array(
          fc.record({ accountId: account, value: fc.constantFrom("", "CC-X", "CC-Y"), amount }),
          { maxLength: 10 },
        ),
        fc.uniqueArray(ruleArb, { maxLength: 3, selector: (r) => r.ruleKey }),
        fc.shuffledSubarray([...ALLOCATION_SOURCES]),
        (costs, tagShares, rules, order) => {
          const out = computeChargeback({ ...base, costs, tagShares, rules, order });
          const exact = costs.reduce((s, c) => s.plus(c.amount), new Dec(0));
          expect(out.totalCents).toBe(toCentsHalfUp(exact));
          expect(out.lines.reduce((s, l) => s + l.directCents + l.sharedCents, 0n)).toBe(
            out.totalCents,
          );
          expect(out.lines.reduce((s, l) => s + l.sharedCents, 0n)).toBe(
            out.pools.reduce((s, p) => s + p.sourceCents, 0n),
          );
          for (const p of out.pools)
            expect(p.targets.reduce((s, t) => s + t.cents, 0n)).toBe(p.sourceCents);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is deterministic whatever the order of the cost lines", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ accountId: account, service: fc.constantFrom("EC2", "VPC"), amount }),
          { maxLength: 25 },
        ),
        fc.uniqueArray(ruleArb, { maxLength: 2, selector: (r) => r.ruleKey }),
        (costs, rules) => {
          const a = computeChargeback({ ...base, costs, rules });
          const b = computeChargeback({
            ...base,
            costs: [...costs].reverse(),
            rules: [...rules].reverse(),
          });
          expect(b.lines).toEqual(a.lines);
        },
      ),
    );
  });
});
