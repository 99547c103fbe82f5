import { describe, expect, it } from "vitest";
import { ZSnapshot, type TSnapshot } from "@/lib/domain/snapshot";
import { DEMO_VIOLATIONS, generateDemoSnapshot, MIN_ACCOUNTS } from "./index";
import { splitInteger } from "./money";

const NOW = new Date("2025-06-17T10:30:00Z");
const snapshot: TSnapshot = ZSnapshot.parse(generateDemoSnapshot({ now: NOW }));

/** Exact integer value of a money string, in 1e-10 USD (the schema allows up to 10 decimals). */
function units(money: string): bigint {
  const [whole = "0", frac = ""] = money.replace("-", "").split(".");
  const value = BigInt(whole) * 10_000_000_000n + BigInt(frac.padEnd(10, "0"));
  return money.startsWith("-") ? -value : value;
}

type Amounts = { unblended: string; amortized: string; net: string };
const METRICS = ["unblended", "amortized", "net"] as const;

function addInto(map: Map<string, bigint[]>, key: string, row: Amounts): void {
  const sums = map.get(key) ?? [0n, 0n, 0n];
  METRICS.forEach((m, i) => (sums[i] = (sums[i] ?? 0n) + units(row[m])));
  map.set(key, sums);
}

describe("generateDemoSnapshot", () => {
  it("produces a valid snapshot with the default options", () => {
    expect(() => ZSnapshot.parse(generateDemoSnapshot())).not.toThrow();
    expect(snapshot.source).toBe("demo");
    expect(snapshot.collectedAt).toBe(NOW.toISOString());
  });

  it("is deterministic for the same inputs and varies with the seed", () => {
    const a = generateDemoSnapshot({ now: NOW, seed: 7 });
    expect(generateDemoSnapshot({ now: NOW, seed: 7 })).toStrictEqual(a);
    expect(generateDemoSnapshot({ now: NOW, seed: 8 })).not.toStrictEqual(a);
  });

  it("rejects options it cannot honour", () => {
    expect(() => generateDemoSnapshot({ accounts: MIN_ACCOUNTS - 1 })).toThrow(RangeError);
    expect(() => generateDemoSnapshot({ months: 0 })).toThrow(RangeError);
    expect(() => generateDemoSnapshot({ now: new Date("nope") })).toThrow(RangeError);
  });

  it("lays out ~60 accounts in AWS's recommended OU structure", () => {
    expect(snapshot.accounts).toHaveLength(60);
    const ou = (name: string) => snapshot.orgUnits.find((u) => u.name === name);
    const root = snapshot.orgUnits.find((u) => u.parentId === null);
    for (const name of [
      "Security",
      "Infrastructure",
      "Workloads",
      "Sandbox",
      "Suspended",
      "Policy Staging",
    ]) {
      expect(ou(name)?.parentId).toBe(root?.id);
    }
    expect(ou("Prod")?.parentId).toBe(ou("Workloads")?.id);
    expect(ou("SDLC")?.parentId).toBe(ou("Workloads")?.id);
    const byName = new Map(snapshot.accounts.map((a) => [a.name, a]));
    expect(byName.get("acme-management")?.id).toBe(snapshot.organization.managementAccountId);
    for (const name of ["log-archive", "security-tooling", "identity"])
      expect(byName.get(name)?.parentId).toBe(ou("Security")?.id);
    for (const name of ["shared-network", "shared-services"])
      expect(byName.get(name)?.parentId).toBe(ou("Infrastructure")?.id);
    expect(byName.get("payments-prod")?.parentId).toBe(ou("Prod")?.id);
    expect(byName.get("payments-dev")?.parentId).toBe(ou("SDLC")?.id);
    expect(
      snapshot.accounts.filter((a) => a.parentId === ou("Sandbox")?.id).length,
    ).toBeGreaterThan(3);
    for (const key of ["id", "name", "email"] as const) {
      expect(new Set(snapshot.accounts.map((a) => a[key])).size).toBe(60);
    }
    const parents = new Set(snapshot.orgUnits.map((u) => u.id));
    expect(snapshot.accounts.every((a) => parents.has(a.parentId))).toBe(true);
  });

  it("records history that is consistent with the accounts", () => {
    const accounts = new Map(snapshot.accounts.map((a) => [a.id, a]));
    expect(snapshot.placementHistory.length).toBeGreaterThan(0);
    for (const p of snapshot.placementHistory) {
      const account = accounts.get(p.accountId);
      expect(account).toBeDefined();
      expect(p.from < p.to && p.to <= snapshot.collectedAt).toBe(true);
      expect(p.parentId).not.toBe(account?.parentId);
    }
    const created = snapshot.accounts.filter((a) => a.joinedMethod === "CREATED");
    const succeeded = snapshot.createAccountStatuses.filter((s) => s.state === "SUCCEEDED");
    expect(succeeded.map((s) => s.accountId).sort()).toEqual(created.map((a) => a.id).sort());
    expect(
      snapshot.createAccountStatuses.some(
        (s) => s.state === "FAILED" && s.failureReason === "EMAIL_ALREADY_EXISTS",
      ),
    ).toBe(true);
    expect(
      snapshot.createAccountStatuses.some(
        (s) => s.state === "IN_PROGRESS" && s.completedAt === null,
      ),
    ).toBe(true);
    for (const p of snapshot.policies) {
      expect(() => {
        JSON.parse(p.content);
      }).not.toThrow();
    }
  });

  it("never records a moment after `now`", () => {
    // A commitment's term end is a contract date, in the future by nature: not a recorded moment.
    const { commitments, ...recorded } = snapshot;
    const stamps = JSON.stringify(recorded).match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g) ?? [];
    expect(stamps.length).toBeGreaterThan(500);
    expect(stamps.filter((t) => t > snapshot.collectedAt)).toEqual([]);
    const starts = (commitments?.usage ?? []).map((u) => u.startsAt ?? "");
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.filter((t) => t > snapshot.collectedAt)).toEqual([]);
  });

  it("covers 14 months ending with the current month, only that one estimated", () => {
    const { months, monthly, byTag } = snapshot.costs;
    expect(months).toHaveLength(14);
    expect(months[0]).toBe("2024-05-01");
    expect(months[13]).toBe("2025-06-01");
    expect(new Set(monthly.map((r) => r.month))).toEqual(new Set(months));
    const wrong = [...monthly, ...byTag].filter((r) => r.estimated !== (r.month === "2025-06-01"));
    expect(wrong).toEqual([]);
    expect(snapshot.costs.currency).toBe("USD");
  });

  it("splits every account-month exactly across the values of each tag key", () => {
    const { monthly, byTag, tagKeys } = snapshot.costs;
    expect(tagKeys).toEqual(["owner", "project", "cost-center", "environment"]);
    const totals = new Map<string, bigint[]>();
    for (const row of monthly) addInto(totals, `${row.accountId}|${row.month}`, row);
    const tagged = new Map<string, bigint[]>();
    for (const row of byTag) addInto(tagged, `${row.accountId}|${row.month}|${row.tagKey}`, row);
    expect(tagged.size).toBe(totals.size * tagKeys.length);
    for (const [key, sums] of totals) {
      for (const tagKey of tagKeys) expect(tagged.get(`${key}|${tagKey}`)).toEqual(sums);
    }
  });

  it("has daily rows for the previous and current month that add up to the monthly rows", () => {
    const { monthly, daily, days } = snapshot.costs;
    expect(days[0]).toBe("2025-05-01");
    expect(days[days.length - 1]).toBe("2025-06-17");
    expect(days).toHaveLength(31 + 17);
    const daySet = new Set(days);
    const fromDaily = new Map<string, bigint[]>();
    for (const row of daily) {
      expect(daySet.has(row.day)).toBe(true);
      addInto(fromDaily, `${row.accountId}|${row.day.slice(0, 8)}01|${row.service}`, row);
    }
    const fromMonthly = new Map<string, bigint[]>();
    for (const row of monthly)
      if (row.month >= "2025-05-01")
        addInto(fromMonthly, `${row.accountId}|${row.month}|${row.service}`, row);
    // At the default size every service has daily rows, so the two views match exactly.
    expect(fromDaily).toEqual(fromMonthly);
  });

  it("keeps amortized close to unblended and net below it for plain usage", () => {
    // Credits, refunds and commitment fees (their own charge types) are negative or amortized away.
    const charged = new Set(
      snapshot.costs.charges.map((c) => `${c.accountId}|${c.month}|${c.service}`),
    );
    const odd = snapshot.costs.monthly.filter((row) => {
      if (charged.has(`${row.accountId}|${row.month}|${row.service}`)) return false;
      const u = units(row.unblended);
      const a = units(row.amortized);
      return u < 0n || units(row.net) > u || a * 100n < u * 90n || a * 100n > u * 110n;
    });
    expect(odd).toEqual([]);
  });

  it("has credits, a refund, tax, support and commitment fees as charge types that sum to each account's month", () => {
    const { monthly, byDimension, charges } = snapshot.costs;
    const types = new Set(charges.map((c) => c.recordType));
    for (const t of ["Credit", "Refund", "Tax", "Support", "SavingsPlanRecurringFee", "RIFee"])
      expect(types.has(t), t).toBe(true);
    expect(charges.some((c) => c.recordType === "Usage")).toBe(false);
    for (const dimension of ["RECORD_TYPE", "REGION"] as const) {
      const byDim = new Map<string, bigint[]>();
      for (const r of byDimension)
        if (r.dimension === dimension) addInto(byDim, `${r.accountId}|${r.month}`, r);
      const byAccount = new Map<string, bigint[]>();
      for (const r of monthly) addInto(byAccount, `${r.accountId}|${r.month}`, r);
      expect(byDim, dimension).toEqual(byAccount);
    }
  });

  it("plants every DEMO_VIOLATIONS entry in accounts that exist", () => {
    const text = JSON.stringify(snapshot);
    const ids = new Set(snapshot.accounts.map((a) => a.id));
    for (const v of DEMO_VIOLATIONS) {
      if (v.accountId !== null) expect(ids.has(v.accountId), v.checkId).toBe(true);
      expect(text.includes(`"${v.resource}"`), v.resource).toBe(true);
    }
  });

  it("follows `now` for the months and days it covers", () => {
    const s = generateDemoSnapshot({ now: new Date("2024-03-01T00:05:00Z"), months: 3 });
    expect(s.costs.months).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect(s.costs.days?.[0]).toBe("2024-02-01");
    expect(s.costs.days?.at(-1)).toBe("2024-03-01");
    expect(() => ZSnapshot.parse(s)).not.toThrow();
    const one = generateDemoSnapshot({ now: NOW, months: 1 });
    expect(one.costs.months).toEqual(["2025-06-01"]);
    expect(one.costs.days).toHaveLength(17);
    expect(() => ZSnapshot.parse(one)).not.toThrow();
  });

  it("scales to 5,000 accounts with a business-unit OU tree and bounded daily rows", () => {
    const started = performance.now();
    const big = generateDemoSnapshot({ accounts: 5000, months: 2, now: NOW, seed: 3 });
    const elapsed = performance.now() - started;
    expect(big.accounts).toHaveLength(5000);
    expect(new Set(big.accounts.map((a) => a.id)).size).toBe(5000);
    expect(new Set(big.accounts.map((a) => a.name)).size).toBe(5000);
    const prod = big.orgUnits.find((u) => u.name === "Prod");
    expect(big.orgUnits.filter((u) => u.parentId === prod?.id).length).toBeGreaterThanOrEqual(16);
    expect(big.costs.daily?.length ?? 0).toBeLessThan(1_000_000);
    expect(big.costs.monthly.length).toBeGreaterThan(5000 * 2 * 10);
    expect(big.audits?.length).toBe(big.accounts.filter((a) => a.status === "ACTIVE").length);
    expect(() => ZSnapshot.parse(big)).not.toThrow();
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);
});

describe("splitInteger", () => {
  it("sums exactly and follows the weights", () => {
    expect(splitInteger(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitInteger(0, [1, 2])).toEqual([0, 0]);
    expect(splitInteger(1_000_000_007, [0.333, 0.333, 0.334]).reduce((a, b) => a + b, 0)).toBe(
      1_000_000_007,
    );
    expect(() => splitInteger(5, [0, 0])).toThrow(RangeError);
  });
});
