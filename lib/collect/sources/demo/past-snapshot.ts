// The demo organization as it looked some months ago: the same org with extra violations that
// were fixed since, so a demo loaded with history shows posture improving run after run. Today's
// snapshot (monthsAgo 0) is exactly generateDemoSnapshot's, so DEMO_VIOLATIONS still holds for it.
import type { TSnapshotInput } from "@/lib/domain/snapshot";
import { generateDemoSnapshot, type DemoOptions } from "./index";
import { applyLateCorrection } from "./late-correction";
import { ACCOUNTS, iamArn, ROOT_ID } from "./ids";
import { demoRunAt } from "./provisioning-history";
import { DAY_MS, iso } from "./time";

type Audit = NonNullable<TSnapshotInput["audits"]>[number];

/** Past fixes, oldest last: each applies to every snapshot taken at least `since` months ago. */
const FIXED_LATER: readonly {
  since: number;
  apply: (snap: TSnapshotInput, now: number) => void;
}[] = [
  // An IAM user created for a one-off migration, deleted after one month.
  {
    since: 1,
    apply: (s, now) => addIamUser(s, ACCOUNTS.paymentsProd, "migration-temp", now - 30 * DAY_MS),
  },
  // Console sign-ins moved to Identity Center gradually: more IAM-user logins and long-term keys earlier.
  { since: 1, apply: (s) => shiftToIamUsers(s, 0.15) },
  { since: 2, apply: (s) => setParent(s, ACCOUNTS.dataTest, ROOT_ID) },
  { since: 2, apply: (s) => removeTag(s, ACCOUNTS.paymentsTest, "cost-center") },
  { since: 3, apply: (s, now) => addIamUser(s, ACCOUNTS.mobileDev, "jenkins", now - 200 * DAY_MS) },
  { since: 3, apply: (s) => shiftToIamUsers(s, 0.2) },
  { since: 4, apply: (s) => setParent(s, ACCOUNTS.mobileDev, ROOT_ID) },
  { since: 4, apply: (s) => disableSecurityHub(s, ACCOUNTS.dataDev) },
  {
    since: 5,
    apply: (s, now) =>
      addIamUser(s, ACCOUNTS.identityPlatformTest, "ops-admin", now - 400 * DAY_MS),
  },
  { since: 5, apply: (s) => shiftToIamUsers(s, 0.2) },
];

export interface PastDemoOptions extends DemoOptions {
  /** Whole months before `now` the snapshot describes (0 = today's snapshot). */
  monthsAgo: number;
  /** Today's snapshot taken again after a month was closed, with AWS's late credit in it. */
  lateCorrection?: boolean;
}

/**
 * A snapshot taken `monthsAgo` months before `now`. Past snapshots carry only their last two months
 * of cost (enough for the cost KPIs and checks) and no daily rows: the later runs overwrite them.
 */
export function generatePastDemoSnapshot(opts: PastDemoOptions): TSnapshotInput {
  const { monthsAgo, lateCorrection, ...demo } = opts;
  if (!Number.isInteger(monthsAgo) || monthsAgo < 0)
    throw new RangeError("monthsAgo must be a non-negative integer");
  if (monthsAgo === 0) {
    const today = generateDemoSnapshot(demo);
    if (lateCorrection) applyLateCorrection(today, demo.now ?? new Date(today.collectedAt));
    return today;
  }
  const base = demo.now ?? new Date();
  const at = new Date(demoRunAt(base.getTime(), monthsAgo));
  // The planted failed audit belongs to today's run only: history runs audited every account.
  const snap = generateDemoSnapshot(
    { ...demo, now: at, months: 2 },
    { today: base, failedAudit: false },
  );
  snap.costs = { ...snap.costs, days: [], daily: [] };
  for (const fix of FIXED_LATER) if (monthsAgo >= fix.since) fix.apply(snap, at.getTime());
  return snap;
}

function auditOf(snap: TSnapshotInput, accountId: string): Audit | undefined {
  return snap.audits?.find((a) => a.accountId === accountId);
}

function addIamUser(snap: TSnapshotInput, accountId: string, userName: string, createdAt: number) {
  const audit = auditOf(snap, accountId);
  if (!audit) return;
  audit.iamUsers = [
    ...(audit.iamUsers ?? []),
    {
      userName,
      arn: iamArn(accountId, "user", userName),
      createdAt: iso(createdAt),
      passwordEnabled: true,
      passwordLastUsed: iso(createdAt + 5 * DAY_MS),
      mfaActive: false,
      accessKeys: [],
    },
  ];
}

function setParent(snap: TSnapshotInput, accountId: string, parentId: string) {
  snap.accounts = snap.accounts.map((a) => (a.id === accountId ? { ...a, parentId } : a));
}

function removeTag(snap: TSnapshotInput, accountId: string, key: string) {
  snap.accounts = snap.accounts.map((a) =>
    a.id === accountId
      ? { ...a, tags: Object.fromEntries(Object.entries(a.tags ?? {}).filter(([k]) => k !== key)) }
      : a,
  );
}

function disableSecurityHub(snap: TSnapshotInput, accountId: string) {
  const audit = auditOf(snap, accountId);
  if (audit?.securityHub) audit.securityHub = { ...audit.securityHub, enabled: false };
}

/** Moves a share of role sign-ins to IAM users and of temporary keys to long-term keys, per account. */
function shiftToIamUsers(snap: TSnapshotInput, share: number) {
  for (const audit of snap.audits ?? []) {
    const logins = audit.consoleLogins;
    if (!logins) continue;
    const roles = logins.byIdentityType.AssumedRole ?? 0;
    const moved = Math.round(roles * share);
    const temporary = logins.temporaryKeysInUse;
    const movedKeys =
      temporary === null || temporary === undefined ? 0 : Math.round(temporary * share);
    audit.consoleLogins = {
      ...logins,
      byIdentityType: {
        ...logins.byIdentityType,
        AssumedRole: roles - moved,
        IAMUser: (logins.byIdentityType.IAMUser ?? 0) + moved,
      },
      temporaryKeysInUse:
        temporary === null || temporary === undefined ? temporary : temporary - movedKeys,
      longTermKeysInUse:
        logins.longTermKeysInUse === null || logins.longTermKeysInUse === undefined
          ? logins.longTermKeysInUse
          : logins.longTermKeysInUse + movedKeys,
    };
  }
}
