import { describe, expect, it } from "vitest";
import { fingerprintOf, type TFinding } from "@/lib/domain/checks/types";
import { planLifecycle, summarizePlan, type TStoredFinding } from "./plan-lifecycle";

const now = new Date("2026-03-15T06:00:00Z");
const finding = (checkId: string, accountId: string | null, resource = ""): TFinding => ({
  checkId,
  accountId,
  ouId: null,
  resource,
  severity: "high",
  title: "t",
  message: "m",
  evidence: {},
});
const stored = (f: TFinding, over: Partial<TStoredFinding> = {}): TStoredFinding => ({
  id: `id-${fingerprintOf(f)}`,
  fingerprint: fingerprintOf(f),
  checkId: f.checkId,
  accountId: f.accountId,
  status: "open",
  stale: false,
  mutedUntil: null,
  muteReason: null,
  ...over,
});
const kinds: Record<string, "account-audit" | "organization"> = {
  IAM_LOCAL_USERS: "account-audit",
  ORG_ACCOUNT_AT_ROOT: "organization",
};

function plan(
  storedRows: TStoredFinding[],
  seen: TFinding[],
  unaudited: string[] = [],
  newerThanEvidence: string[] = [],
) {
  let n = 0;
  return planLifecycle({
    stored: storedRows,
    seen,
    now,
    evidenceKindOf: (id) => kinds[id],
    unauditedAccountIds: new Set(unaudited),
    newerThanEvidence: new Set(newerThanEvidence),
    newId: () => `new-${++n}`,
  });
}

const user = finding("IAM_LOCAL_USERS", "111111111111", "arn:aws:iam::111111111111:user/a");
const atRoot = finding("ORG_ACCOUNT_AT_ROOT", "111111111111");

describe("planLifecycle", () => {
  it("opens a finding seen for the first time", () => {
    const p = plan([], [user]);
    expect(p.create).toEqual([{ id: "new-1", fingerprint: fingerprintOf(user), finding: user }]);
    expect(summarizePlan(p).opened).toEqual({ IAM_LOCAL_USERS: 1 });
  });

  it("never resolves, with older evidence, a finding an event saw after that evidence", () => {
    const other = finding("IAM_LOCAL_USERS", "111111111111", "arn:aws:iam::111111111111:user/b");
    const p = plan([stored(user), stored(other)], [], [], [fingerprintOf(user)]);
    expect(p.resolve.map((r) => r.fingerprint)).toEqual([fingerprintOf(other)]);
    expect(p.stale).toEqual([]);
    // The evidence does show it: seen as usual.
    expect(plan([stored(user)], [user], [], [fingerprintOf(user)]).seen).toHaveLength(1);
  });

  it("keeps a finding seen again", () => {
    const p = plan([stored(user)], [user]);
    expect(p.seen).toEqual([{ id: `id-${fingerprintOf(user)}`, finding: user, reopened: false }]);
    expect(p.create).toEqual([]);
    expect(p.resolve).toEqual([]);
  });

  it("resolves a finding an audited account no longer shows", () => {
    expect(plan([stored(user)], []).resolve.map((r) => r.checkId)).toEqual(["IAM_LOCAL_USERS"]);
  });

  it("reopens a resolved finding that returns", () => {
    const p = plan([stored(user, { status: "resolved" })], [user]);
    expect(p.seen[0]?.reopened).toBe(true);
    expect(summarizePlan(p).reopened).toEqual({ IAM_LOCAL_USERS: 1 });
  });

  it("keeps (stale) an audit-based finding of an account that could not be audited", () => {
    const p = plan([stored(user)], [], ["111111111111"]);
    expect(p.resolve).toEqual([]);
    expect(p.stale.map((s) => s.checkId)).toEqual(["IAM_LOCAL_USERS"]);
  });

  it("still resolves organization findings of an unaudited account: they are evaluated every run", () => {
    const p = plan([stored(atRoot)], [], ["111111111111"]);
    expect(p.resolve.map((s) => s.checkId)).toEqual(["ORG_ACCOUNT_AT_ROOT"]);
  });

  it("does not touch findings already resolved and still absent", () => {
    const p = plan([stored(user, { status: "resolved" })], []);
    expect(p).toEqual({ create: [], seen: [], resolve: [], stale: [], unmute: [] });
  });

  it.each([
    {
      name: "muted until later: nothing to do",
      mutedUntil: new Date("2026-04-01T00:00:00Z"),
      unmuted: 0,
    },
    {
      name: "muted, then expired: unmuted",
      mutedUntil: new Date("2026-03-14T00:00:00Z"),
      unmuted: 1,
    },
  ])("$name", ({ mutedUntil, unmuted }) => {
    const p = plan([stored(user, { mutedUntil, muteReason: "accepted risk" })], [user]);
    expect(p.unmute).toHaveLength(unmuted);
    expect(p.seen).toHaveLength(1);
  });

  it("counts a duplicate fingerprint once", () => {
    expect(plan([], [user, { ...user, severity: "low" }]).create).toHaveLength(1);
  });
});

describe("planLifecycle: evidence a check could not decide on", () => {
  const policy = finding("LOG_ARCHIVE_BUCKET_POLICY", "222222222222", "s3://org-trail-logs");
  const decide = (undecided: string[]) =>
    planLifecycle({
      stored: [stored(policy), stored(user)],
      seen: [],
      now,
      evidenceKindOf: () => "account-audit",
      unauditedAccountIds: new Set(),
      undecided: new Set(undecided),
      newId: () => "new",
    });

  it("keeps the undecided finding (stale) and still resolves the others", () => {
    const p = decide([fingerprintOf(policy)]);
    expect(p.stale.map((s) => s.fingerprint)).toEqual([fingerprintOf(policy)]);
    expect(p.resolve.map((s) => s.fingerprint)).toEqual([fingerprintOf(user)]);
  });

  it("resolves it once the evidence is read again and shows no problem (the look-alike)", () => {
    const p = decide([]);
    expect(p.resolve.map((s) => s.fingerprint)).toEqual([
      fingerprintOf(policy),
      fingerprintOf(user),
    ]);
  });
});
