import { describe, expect, it } from "vitest";
import {
  DEMO_VIOLATIONS,
  demoRequestProcess,
  generateDemoSnapshot,
} from "@/lib/collect/sources/demo";
import { demoAccountRequests } from "@/lib/collect/sources/demo/provisioning-requests";
import { ORG_ACCOUNT_UNREQUESTED } from "./org-account-unrequested";
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
      const opts = { seed, accounts, now: new Date(now) };
      const snap = parseSnapshot(generateDemoSnapshot(opts));
      // What the demo load seeds before its runs: the requests, the process start, known accounts.
      const process = demoRequestProcess(opts);
      const findings = runChecks(snap, DEFAULT_SETTINGS, {
        knownAccountIds: new Set(process?.known.map((k) => k.accountId)),
        now: new Date(snap.collectedAt),
        requestedAccountIds: new Set(demoAccountRequests(opts).map((r) => r.accountId)),
        requestProcessSince: process?.since ?? null,
      });
      const unrequested = {
        checkId: ORG_ACCOUNT_UNREQUESTED,
        accountId: process?.unrequestedAccountId ?? null,
      };
      expect(sorted(findings.map(key))).toEqual(sorted([...DEMO_VIOLATIONS, unrequested].map(key)));
    },
    // Generating the demo (90 days of daily rows) and every check: slow on a shared machine.
    30_000,
  );
});
