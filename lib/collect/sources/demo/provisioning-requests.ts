// OrgLens account requests behind some of the demo's planted account creations: approved a day or
// two before the account was created, so "approved request to compliant" has values. Plain rows;
// the loader writes them (requests live in OrgLens, not in AWS).
import { planAccounts } from "./accounts";
import type { DemoOptions } from "./index";
import { DOMAIN } from "./ids";
import { plannedCreations } from "./provisioning-history";

const HOUR_MS = 3_600_000;

export interface DemoAccountRequest {
  name: string;
  purpose: string;
  environment: string;
  targetOuId: string;
  owner: string;
  costCenter: string;
  requestedBy: string;
  status: "compliant";
  decidedBy: string;
  accountId: string;
  requestedAt: Date;
  decidedAt: Date;
  provisionedAt: Date;
  compliantAt: Date;
}

/** Hours between the approval and the creation, per planted creation that came from a request. */
const APPROVED_HOURS_BEFORE: Readonly<Record<number, number>> = { 1: 26, 3: 30, 4: 19, 5: 40 };

export function demoAccountRequests(opts: DemoOptions = {}): DemoAccountRequest[] {
  const today = (opts.now ?? new Date()).getTime();
  const { specs } = planAccounts(opts.accounts ?? 60, opts.seed ?? 42, today);
  const byId = new Map(specs.map((s) => [s.id, s]));
  return plannedCreations(specs, today).flatMap((p, i) => {
    const before = APPROVED_HOURS_BEFORE[i];
    const spec = byId.get(p.accountId);
    if (before === undefined || !spec || p.compliantAt > today) return [];
    const decidedAt = p.createdAt - before * HOUR_MS;
    return [
      {
        name: spec.name,
        purpose: `New ${spec.env} account for ${spec.project}`,
        environment: spec.env,
        targetOuId: spec.parentId,
        owner: spec.owner,
        costCenter: spec.costCenter,
        requestedBy: spec.owner,
        status: "compliant",
        decidedBy: `cloud-platform@${DOMAIN}`,
        accountId: p.accountId,
        requestedAt: new Date(decidedAt - 20 * HOUR_MS),
        decidedAt: new Date(decidedAt),
        provisionedAt: new Date(p.createdAt),
        compliantAt: new Date(p.compliantAt),
      },
    ];
  });
}
