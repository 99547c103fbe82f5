import { describe, expect, it } from "vitest";
import { DEMO_VIOLATIONS, generateDemoSnapshot } from "@/lib/collect/sources/demo";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { parseSnapshot } from "@/lib/domain/snapshot";
import { runChecks } from "./index";

const key = (v: { checkId: string; accountId: string | null }) =>
  `${v.checkId} ${v.accountId ?? "-"}`;
const sorted = (keys: string[]) => keys.toSorted();

describe("the demo organization", () => {
  it.each([
    { seed: 42, accounts: 60, now: "2026-03-18T09:00:00.000Z" },
    { seed: 1, accounts: 100, now: "2026-01-05T09:00:00.000Z" },
  ])(
    "raises exactly the planted violations (seed $seed, $accounts accounts, $now)",
    ({ seed, accounts, now }) => {
      const snap = parseSnapshot(generateDemoSnapshot({ seed, accounts, now: new Date(now) }));
      const findings = runChecks(snap, DEFAULT_SETTINGS, {
        knownAccountIds: new Set(),
        now: new Date(snap.collectedAt),
      });
      expect(sorted(findings.map(key))).toEqual(sorted(DEMO_VIOLATIONS.map(key)));
    },
  );
});
