// Accounts the demo organization created while OrgLens was watching, so "time to a compliant
// account" has a history: each is created some hours before one of the monthly history runs, and
// most are clean at that run; one arrives without root MFA and is fixed by the next run. Times are
// fixed against the day the demo is loaded (`today`), so every snapshot of the history agrees.
import type { AccountSpec } from "./spec";
import { FIXED_ACCOUNT_IDS } from "./ids";
import { DAY_MS } from "./time";

const HOUR_MS = 3_600_000;

/** When the history run `monthsAgo` months before `today` looks (the loader's monthly runs). */
export function demoRunAt(today: number, monthsAgo: number): number {
  const d = new Date(today);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - monthsAgo,
    Math.min(d.getUTCDate(), 28),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
}

interface Plant {
  /** The history run the account is first seen by, and how many hours before it it was created. */
  run: number;
  hoursBefore: number;
  /** Arrives without root MFA (a high IAM_ROOT_USER finding), fixed before the next run. */
  blocked?: boolean;
}

const PLANTS: readonly Plant[] = [
  { run: 5, hoursBefore: 5 },
  { run: 4, hoursBefore: 30 },
  { run: 2, hoursBefore: 8, blocked: true },
  { run: 2, hoursBefore: 52 },
  { run: 1, hoursBefore: 20 },
  { run: 0, hoursBefore: 6 },
];

export interface PlantedCreation {
  accountId: string;
  name: string;
  createdAt: number;
  /** Until when the account's root user has no MFA (null: clean from the start). */
  blockedUntil: number | null;
  /** The history run that first finds it audited and clean. */
  compliantAt: number;
}

const FIXED = new Set(Object.values(FIXED_ACCOUNT_IDS));

/** Generated workload accounts, none of them carrying a planted violation, in a stable order. */
function candidates(specs: readonly AccountSpec[]): AccountSpec[] {
  return specs
    .filter(
      (s) =>
        !FIXED.has(s.id) &&
        s.status === "ACTIVE" &&
        s.joinedMethod === "CREATED" &&
        s.role === "workload",
    )
    .toSorted((a, b) => a.name.localeCompare(b.name));
}

export function plannedCreations(specs: readonly AccountSpec[], today: number): PlantedCreation[] {
  const pool = candidates(specs);
  return PLANTS.flatMap((p, i) => {
    const spec = pool[i];
    if (!spec) return [];
    const createdAt = demoRunAt(today, p.run) - p.hoursBefore * HOUR_MS;
    const blockedUntil = p.blocked ? demoRunAt(today, p.run - 1) - DAY_MS : null;
    const compliantAt = demoRunAt(today, p.blocked ? p.run - 1 : p.run);
    return [{ accountId: spec.id, name: spec.name, createdAt, blockedUntil, compliantAt }];
  });
}

/**
 * The specs as of `at`. Active accounts keep the join date they have today (the generator dates
 * them back from the snapshot's own `now`), so an account is missing from the snapshots taken
 * before it joined; planted accounts get their creation time, straight into their OU as an
 * account factory does.
 */
export function plantCreations(
  specs: readonly AccountSpec[],
  today: number,
  at: number,
): { specs: AccountSpec[]; planted: PlantedCreation[] } {
  const planted = plannedCreations(specs, today);
  const byId = new Map(planted.map((p) => [p.accountId, p]));
  const out: AccountSpec[] = [];
  for (const spec of specs) {
    const p = byId.get(spec.id);
    if (p) {
      if (p.createdAt <= at) out.push({ ...spec, joinedAt: p.createdAt, history: [] });
      continue;
    }
    const anchored = asOf(spec, today - at, at);
    if (anchored) out.push(anchored);
  }
  return { specs: out, planted: planted.filter((p) => p.createdAt <= at) };
}

/**
 * The spec with its dates moved by `shift`, as it stood at `at`; null before it joined. An account
 * suspended today was still active before its suspension.
 */
function asOf(spec: AccountSpec, shift: number, at: number): AccountSpec | null {
  if (shift === 0) return spec;
  const joinedAt = spec.joinedAt + shift;
  if (joinedAt > at) return null;
  const suspendedAt = spec.suspendedAt === null ? null : spec.suspendedAt + shift;
  if (suspendedAt !== null && suspendedAt > at)
    return asOf({ ...spec, status: "ACTIVE", suspendedAt: null }, shift, at);
  spec = { ...spec, suspendedAt };
  const history = spec.history.map((h) => ({ ...h, from: h.from + shift, to: h.to + shift }));
  // Still in an earlier OU at `at`: that placement is the current one then.
  const open = history.findIndex((h) => h.to > at);
  const current = open === -1 ? undefined : history[open];
  if (current)
    return { ...spec, joinedAt, parentId: current.parentId, history: history.slice(0, open) };
  return { ...spec, joinedAt, history };
}

/** Account ids whose root user has no MFA yet at `at`. */
export function blockedAt(planted: readonly PlantedCreation[], at: number): Set<string> {
  return new Set(
    planted.filter((p) => p.blockedUntil !== null && at < p.blockedUntil).map((p) => p.accountId),
  );
}
