// Today's accounts as the organization held them at an earlier moment. A snapshot generated with an
// earlier `now` would shift every creation date back with it, so an account would be placed in its OU
// months before the "Joined" date later runs report, and accounts created since would already exist.
import type { TSnapshotInput } from "@/lib/domain/snapshot";
import type { AccountSpec } from "./spec";
import type { AccountInput, CreateAccountStatusInput, PlacementInput } from "./types";
import { buildCreateAccountStatuses, toAccountInput } from "./history";
import { iso } from "./time";

export interface PastAccounts {
  accounts: AccountInput[];
  placementHistory: PlacementInput[];
  createAccountStatuses: CreateAccountStatusInput[];
}

/**
 * Accounts created by `at`, in the OU and status they had then, with the moves they had made and the
 * CreateAccount requests that had finished by then. `today`: the plan for today's `now` and `seed`.
 */
export function accountsAsOf(today: readonly AccountSpec[], at: number, seed: number, now: number): PastAccounts {
  const accounts: AccountInput[] = [];
  const placementHistory: PlacementInput[] = [];
  for (const spec of today) {
    if (spec.joinedAt > at) continue;
    const closed = spec.history.filter((p) => p.to <= at);
    const current = spec.history.find((p) => p.from <= at && at < p.to);
    const suspended = spec.suspendedAt !== null && spec.suspendedAt <= at;
    accounts.push(toAccountInput({ ...spec, parentId: current?.parentId ?? spec.parentId, status: suspended ? "SUSPENDED" : "ACTIVE" }));
    for (const p of closed) placementHistory.push({ accountId: spec.id, parentId: p.parentId, from: iso(p.from), to: iso(p.to) });
  }
  const createAccountStatuses = buildCreateAccountStatuses(today, seed, now).filter((s) => s.completedAt !== null && s.completedAt !== undefined && Date.parse(s.completedAt) <= at);
  return { accounts, placementHistory, createAccountStatuses };
}

/** Replaces a past snapshot's accounts with `past` and drops what it held about accounts not created yet. */
export function withPastAccounts(snap: TSnapshotInput, past: PastAccounts): TSnapshotInput {
  const ids = new Set(past.accounts.map((a) => a.id));
  return {
    ...snap,
    accounts: past.accounts,
    placementHistory: past.placementHistory,
    createAccountStatuses: past.createAccountStatuses,
    costs: { ...snap.costs, monthly: snap.costs.monthly.filter((c) => ids.has(c.accountId)), byTag: (snap.costs.byTag ?? []).filter((c) => ids.has(c.accountId)) },
    audits: (snap.audits ?? []).filter((a) => ids.has(a.accountId)),
  };
}
