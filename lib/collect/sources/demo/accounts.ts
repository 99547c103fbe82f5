// Which accounts exist and where they sit. The foundation and the four business units that
// carry planted violations are fixed; everything else (more applications per unit, sandboxes,
// retired accounts) is seeded and scales with `count`.
import { AccountRegistry, type AccountSpec } from "./spec";
import { DOMAIN, OU_IDS, PLANTED } from "./ids";
import { personEmail } from "./names";
import { foundationAccounts, RETIRED_ACCOUNTS, type RetiredDef } from "./foundation";
import {
  BU_OU_MIN_ACCOUNTS,
  BUSINESS_UNITS,
  buildOrgLayout,
  PLATFORM_COST_CENTER,
  type BusinessUnit,
  type OrgLayout,
} from "./org";
import {
  addSandboxes,
  addWorkloads,
  FIXED_UNITS,
  graduateFromSandbox,
  unitBySlug,
  workloadDraft,
} from "./workloads";
import { MINUTE_MS } from "./time";

export interface AccountPlan {
  specs: AccountSpec[];
  layout: OrgLayout;
}

/** The fixed accounts (8 foundation, 3 retired, 4 business units × 3) plus one sandbox. */
export const MIN_ACCOUNTS = 24;

export function planAccounts(count: number, seed: number, now: number): AccountPlan {
  const reg = new AccountRegistry(seed, now);
  const foundation = foundationAccounts(count);
  const extraStaging = Math.floor(count / 1000);
  const extraRetired = Math.floor(count / 500);
  const nonWorkload = foundation.length + RETIRED_ACCOUNTS.length + extraStaging + extraRetired;
  // ~15% sandboxes; the rest are workload trios, with any remainder going to sandboxes.
  const sandboxTarget = Math.min(
    Math.max(1, Math.round(count * 0.15)),
    count - nonWorkload - FIXED_UNITS * 3,
  );
  const groups = Math.floor((count - nonWorkload - sandboxTarget) / 3);
  const unitCount = Math.min(BUSINESS_UNITS.length, Math.max(FIXED_UNITS, groups));
  const units = BUSINESS_UNITS.slice(0, unitCount);
  const layout = buildOrgLayout(units, count >= BU_OU_MIN_ACCOUNTS);

  for (const def of foundation) {
    reg.add({
      name: def.name,
      status: "ACTIVE",
      joinedMethod: def.invited ? "INVITED" : "CREATED",
      joinedAt: reg.ago(def.ageDays),
      suspendedAt: null,
      parentId: def.parentId,
      history: [],
      role: def.role,
      env: def.env,
      bu: null,
      project: def.project,
      owner: `${def.team}@${DOMAIN}`,
      costCenter: def.costCenter,
      size: def.size,
    });
  }
  addRetired(reg, layout, units, extraRetired);
  addPolicyStaging(reg, extraStaging);
  addWorkloads(reg, layout, units, groups);
  addSandboxes(reg, count - nonWorkload - groups * 3);

  graduateFromSandbox(reg, 2 + Math.floor(count / 250));
  dropTag(reg.specs, PLANTED.missingCostCenter, "cost-center");
  dropTag(reg.specs, PLANTED.missingOwner, "owner");
  return { specs: reg.specs, layout };
}

/** Suspended accounts, moved to the Suspended OU when retired — except the one left behind. */
function addRetired(
  reg: AccountRegistry,
  layout: OrgLayout,
  units: readonly BusinessUnit[],
  extra: number,
): void {
  const rng = reg.rng;
  const retired: RetiredDef[] = [...RETIRED_ACCOUNTS];
  for (let i = 0; i < extra; i++) {
    const bu = rng.pick(units).slug;
    retired.push({
      name: `${bu}-retired-${i + 1}-dev`,
      bu,
      env: "dev",
      ageDays: rng.int(500, 1800),
      suspendedDaysAgo: rng.int(95, 420),
      leftBehind: false,
    });
  }
  for (const def of retired) {
    const bu = unitBySlug(def.bu);
    const owner = personEmail(reg.person());
    const joinedAt = reg.ago(def.ageDays);
    const size = rng.logUniform(300, 3000);
    const draft = workloadDraft(layout, bu, def.name, def.env, joinedAt, size, owner);
    const suspendedAt = reg.ago(def.suspendedDaysAgo);
    const movedAt = suspendedAt + rng.int(5, 240) * MINUTE_MS;
    reg.add({
      ...draft,
      status: "SUSPENDED",
      suspendedAt,
      parentId: def.leftBehind ? draft.parentId : OU_IDS.suspended,
      history: def.leftBehind ? [] : [{ parentId: draft.parentId, from: joinedAt, to: movedAt }],
    });
  }
}

/** Large orgs test SCP changes on a few more canary accounts. */
function addPolicyStaging(reg: AccountRegistry, extra: number): void {
  for (let i = 0; i < extra; i++) {
    reg.add({
      name: `policy-staging-${i + 2}`,
      status: "ACTIVE",
      joinedMethod: "CREATED",
      joinedAt: reg.ago(reg.rng.int(60, 800)),
      suspendedAt: null,
      parentId: OU_IDS.policyStaging,
      history: [],
      role: "policy-staging",
      env: "test",
      bu: null,
      project: "scp-testing",
      owner: `cloud-platform@${DOMAIN}`,
      costCenter: PLATFORM_COST_CENTER,
      size: reg.rng.range(10, 60),
    });
  }
}

/** The planted TAG_POLICY violations: the account tag is missing (resources keep theirs). */
function dropTag(specs: AccountSpec[], accountId: string, key: string): void {
  const spec = specs.find((s) => s.id === accountId);
  if (spec) delete spec.tags[key];
}
