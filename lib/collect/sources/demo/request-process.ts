// The demo's account request process: it applies from an hour before the one planted account created
// outside it (catalog-test-like: a planted creation no request stands behind), so that account raises
// ORG_ACCOUNT_UNREQUESTED and nothing else does. Other accounts that joined since without a request
// are self-service sandboxes and the like, which the demo lists as known accounts.
import { planAccounts } from "./accounts";
import type { DemoOptions } from "./index";
import { plannedCreations } from "./provisioning-history";
import { demoAccountRequests } from "./provisioning-requests";

const HOUR_MS = 3_600_000;
/** The planted creation (provisioning-history PLANTS) that no request stands behind. */
const UNREQUESTED_PLANT = 2;

export interface DemoRequestProcess {
  since: Date;
  unrequestedAccountId: string;
  /** Joined since, without a request, but accounted for: seeded as known accounts. */
  known: { accountId: string; name: string }[];
}

export function demoRequestProcess(opts: DemoOptions = {}): DemoRequestProcess | null {
  const today = (opts.now ?? new Date()).getTime();
  const { specs } = planAccounts(opts.accounts ?? 60, opts.seed ?? 42, today);
  const plants = plannedCreations(specs, today);
  const target = plants[UNREQUESTED_PLANT];
  if (!target) return null;
  const since = target.createdAt - HOUR_MS;
  const createdAt = new Map(plants.map((p) => [p.accountId, p.createdAt]));
  const requested = new Set(demoAccountRequests(opts).map((r) => r.accountId));
  const known = specs
    .filter(
      (s) =>
        s.status === "ACTIVE" &&
        s.id !== target.accountId &&
        !requested.has(s.id) &&
        (createdAt.get(s.id) ?? s.joinedAt) >= since,
    )
    .map((s) => ({ accountId: s.id, name: s.name }));
  return { since: new Date(since), unrequestedAccountId: target.accountId, known };
}
