// Time to a compliant account: from the account's creation (CreateAccount completed) — and,
// separately, from the approval of the OrgLens request behind it — to the first evaluated run in
// which the account was audited and had no open, unmuted high or critical finding. Derived from the
// stored run history every time, so a re-evaluation or an incremental run gives the same value.
// When ingested CloudTrail events explain that run's verdict, the account was compliant from the
// event's time, to the second, rather than from the collection that noticed (see preciseCompliance).
import {
  KPI,
  type TAccountApproval,
  type TAccountCompliance,
  type TAccountCreation,
  type TKpiValue,
} from "./types";
import { median, percentile, type TScopes } from "./scopes";
import type { TAccountEvent } from "./account-events";

const HOUR_MS = 3_600_000;
const BLOCKING = new Set(["critical", "high"]);

/** An evaluated run: when it looked, and which active accounts it could not audit. */
export interface TEvaluatedRun {
  at: Date;
  unauditedIds: ReadonlySet<string>;
}

/** A finding's lifecycle events (opened, reopened, resolved, muted, unmuted) as stored. */
export interface TFindingTimeline {
  accountId: string;
  severity: string;
  checkId?: string;
  resource?: string;
  events: readonly { kind: string; at: Date; mutedUntil: Date | null }[];
}

export interface TComplianceInput {
  creations: readonly TAccountCreation[];
  /** Evaluated runs, any order. */
  runs: readonly TEvaluatedRun[];
  findings: readonly TFindingTimeline[];
  /** When OrgLens first evaluated a run: accounts created earlier were not watched. */
  watchingSince: Date;
  /** Applied CloudTrail events about the accounts (account-events.ts); none: collection times only. */
  events?: readonly TAccountEvent[];
}

/** When the account was created: CreateAccount's completion (its request time if AWS gave none). */
export function createdAt(c: TAccountCreation): Date {
  return c.completedAt ?? c.requestedAt;
}

/** Whether the finding was open and not muted at `t`, replaying its events up to `t`. */
function blocksAt(f: TFindingTimeline, t: number): boolean {
  let open = false;
  let mutedUntil: number | null = null;
  for (const e of f.events) {
    if (e.at.getTime() > t) break;
    if (e.kind === "opened" || e.kind === "reopened") open = true;
    else if (e.kind === "resolved") open = false;
    else if (e.kind === "muted") mutedUntil = e.mutedUntil?.getTime() ?? null;
    else if (e.kind === "unmuted") mutedUntil = null;
  }
  return open && !(mutedUntil !== null && mutedUntil > t);
}

/** The first run after each successful creation that found the account audited and unblocked. */
export function deriveCompliance(input: TComplianceInput): TAccountCompliance[] {
  const runs = input.runs.toSorted((a, b) => a.at.getTime() - b.at.getTime());
  const byAccount = new Map<string, TFindingTimeline[]>();
  for (const f of input.findings) {
    if (!BLOCKING.has(f.severity)) continue;
    const sorted = { ...f, events: f.events.toSorted((a, b) => a.at.getTime() - b.at.getTime()) };
    byAccount.set(f.accountId, [...(byAccount.get(f.accountId) ?? []), sorted]);
  }
  const out: TAccountCompliance[] = [];
  for (const c of input.creations) {
    const id = c.accountId;
    if (c.state !== "SUCCEEDED" || id === null) continue;
    const start = createdAt(c).getTime();
    const findings = byAccount.get(id) ?? [];
    const firstIndex = runs.findIndex(
      (r) =>
        r.at.getTime() >= start &&
        !r.unauditedIds.has(id) &&
        !findings.some((f) => blocksAt(f, r.at.getTime())),
    );
    const first = runs[firstIndex];
    if (!first) continue;
    // The run before, if it was after the creation and audited the account: what it saw open.
    const before = runs
      .slice(0, firstIndex)
      .findLast((r) => r.at.getTime() >= start && !r.unauditedIds.has(id));
    const events = (input.events ?? []).filter((e) => e.accountId === id);
    const precise = preciseCompliance(findings, events, start, before?.at ?? null, first.at);
    out.push({
      accountId: id,
      compliantAt: precise ?? first.at,
      observed: start >= input.watchingSince.getTime(),
      ...(precise ? { fromEvents: true } : {}),
    });
  }
  return out;
}

/**
 * When the account became compliant, from the events, or null when they do not explain it:
 * - its first audit found it clean: the last setup event since its creation (it joined, it was moved
 *   into its OU) finished provisioning it;
 * - the previous audit saw high or critical findings open: each of them has an event that can close
 *   it (a move for a placement finding, a new bucket policy or role trust for that resource) between
 *   the two runs, and the last of those closed the last finding.
 */
function preciseCompliance(
  findings: readonly TFindingTimeline[],
  events: readonly TAccountEvent[],
  start: number,
  before: Date | null,
  first: Date,
): Date | null {
  const from = before?.getTime() ?? start;
  const within = events.filter((e) => e.at.getTime() >= from && e.at.getTime() <= first.getTime());
  const latest = (list: readonly TAccountEvent[]) =>
    list.reduce<TAccountEvent | null>((a, e) => (!a || e.at > a.at ? e : a), null)?.at ?? null;
  const open = before ? findings.filter((f) => blocksAt(f, before.getTime())) : [];
  if (!open.length) return latest(within.filter((e) => e.setup));
  let last: Date | null = null;
  for (const f of open) {
    const closing = latest(
      within.filter(
        (e) =>
          e.at.getTime() > from &&
          e.closes.some(
            (c) => c.checkId === f.checkId && (f.resource ?? "").endsWith(c.resourceEndsWith),
          ),
      ),
    );
    if (!closing) return null;
    if (!last || closing > last) last = closing;
  }
  return last;
}

interface TScopeHours {
  fromCreation: number[];
  fromApproval: number[];
  toCreated: number[];
  pending: number;
  unobserved: number;
  /** Accounts whose compliance time comes from CloudTrail events rather than a run. */
  eventTimed: number;
}

const empty = (): TScopeHours => ({
  fromCreation: [],
  fromApproval: [],
  toCreated: [],
  pending: 0,
  unobserved: 0,
  eventTimed: 0,
});

export function provisioningKpis(
  scopes: TScopes,
  input: {
    creations: readonly TAccountCreation[];
    compliance: readonly TAccountCompliance[];
    approvals: readonly TAccountApproval[];
  },
  now: Date,
  windowDays: number,
): TKpiValue[] {
  const since = now.getTime() - windowDays * 24 * HOUR_MS;
  const compliantAt = new Map(input.compliance.map((c) => [c.accountId, c]));
  const approvedAt = new Map(input.approvals.map((a) => [a.accountId, a.approvedAt]));
  // A suspended or closed account will never be provisioned further: left out, not pending.
  const active = new Set(scopes.index.activeAccounts.map((a) => a.id));
  const byScope = new Map<string, TScopeHours>();
  for (const c of input.creations) {
    if (c.state !== "SUCCEEDED" || c.accountId === null || !active.has(c.accountId)) continue;
    const start = createdAt(c).getTime();
    if (start < since || start > now.getTime()) continue;
    const done = compliantAt.get(c.accountId);
    const approved = approvedAt.get(c.accountId);
    for (const scope of scopes.ofAccount(c.accountId)) {
      const h = byScope.get(scope) ?? empty();
      if (c.completedAt)
        h.toCreated.push((c.completedAt.getTime() - c.requestedAt.getTime()) / HOUR_MS);
      if (!done || done.compliantAt.getTime() > now.getTime()) h.pending += 1;
      else if (!done.observed) h.unobserved += 1;
      else {
        h.fromCreation.push((done.compliantAt.getTime() - start) / HOUR_MS);
        if (done.fromEvents) h.eventTimed += 1;
        if (approved && approved.getTime() <= done.compliantAt.getTime())
          h.fromApproval.push((done.compliantAt.getTime() - approved.getTime()) / HOUR_MS);
      }
      byScope.set(scope, h);
    }
  }
  const round = (n: number | null) => (n === null ? null : n.toFixed(6));
  return scopes.all.flatMap((scopeId) => {
    const h = byScope.get(scopeId) ?? empty();
    const detail = {
      windowDays,
      accounts: h.fromCreation.length,
      fromApprovalAccounts: h.fromApproval.length,
      pending: h.pending,
      unobserved: h.unobserved,
      eventTimedAccounts: h.eventTimed,
      createdMedianHours: median(h.toCreated),
      createdP90Hours: percentile(h.toCreated, 90),
    };
    const n = String(h.fromCreation.length);
    return [
      {
        kpiId: KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS,
        scopeId,
        value: round(median(h.fromCreation)),
        numerator: null,
        denominator: n,
        detail,
      },
      {
        kpiId: KPI.TIME_TO_COMPLIANT_P90_HOURS,
        scopeId,
        value: round(percentile(h.fromCreation, 90)),
        numerator: null,
        denominator: n,
        detail,
      },
      {
        kpiId: KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS,
        scopeId,
        value: round(median(h.fromApproval)),
        numerator: null,
        denominator: String(h.fromApproval.length),
        detail,
      },
    ];
  });
}
