// Cost by tag: each account's monthly total split across the values of each cost-allocation
// tag, with "" as the untagged bucket. Splits use integer units (largest remainder) so the
// values of one key add up to the account's monthly total exactly, for each of the three
// amounts.
import type { AccountSpec } from "./spec";
import type { Rng } from "./rng";
import type { CostByTagInput } from "./types";
import { DOMAIN, PLANTED } from "./ids";
import { formatUnits, splitInteger } from "./money";

export const TAG_KEYS: readonly string[] = ["owner", "project", "cost-center", "environment"];

interface TagShare {
  value: string;
  weight: number;
}

export interface TagPlan {
  key: string;
  shares: TagShare[];
}

const SHARED_SERVICES_PROJECTS = ["shared-tooling", "ci-cd", "artifact-registry", "observability"];

/** How an account's spend spreads over tag values; stable across months up to jitter. */
export function planTags(spec: AccountSpec, rng: Rng): TagPlan[] {
  const mostlyUntagged = spec.id === PLANTED.missingCostCenter || spec.id === PLANTED.missingOwner;
  const untagged = mostlyUntagged
    ? rng.range(0.72, 0.88)
    : spec.role === "sandbox"
      ? rng.range(0.05, 0.14) // sandboxes are loosely tagged, but stay clear of the 20% policy limit (monthly jitter included)
      : rng.range(0.01, 0.06);
  const tagged = 1 - untagged;
  const single = (value: string): TagShare[] => [{ value, weight: tagged }];
  const split = (values: readonly string[]): TagShare[] => {
    const raw = values.map((_, i) => (i === 0 ? 3 : 1) * rng.range(0.6, 1.4));
    const sum = raw.reduce((a, b) => a + b, 0);
    return values.map((value, i) => ({ value, weight: (tagged * (raw[i] ?? 0)) / sum }));
  };

  let owner = single(spec.owner);
  let project = single(spec.project);
  if (spec.role === "shared-services") {
    project = split(SHARED_SERVICES_PROJECTS);
  } else if (spec.role === "shared-network") {
    owner = split([spec.owner, `platform-oncall@${DOMAIN}`]);
  } else if (spec.role === "workload" && spec.bu && rng.chance(0.3)) {
    project = split([spec.project, `${spec.bu.slug}-platform`]);
  }
  // The planted ENV_SEGREGATION: prod workloads running in a dev account.
  const environment =
    spec.id === PLANTED.mixedEnvironment
      ? [
          { value: "dev", weight: tagged * 0.52 },
          { value: "prod", weight: tagged * 0.48 },
        ]
      : single(spec.env);

  const withUntagged = (shares: TagShare[]): TagShare[] => [
    ...shares,
    { value: "", weight: untagged },
  ];
  return [
    { key: "owner", shares: withUntagged(owner) },
    { key: "project", shares: withUntagged(project) },
    { key: "cost-center", shares: withUntagged(single(spec.costCenter)) },
    { key: "environment", shares: withUntagged(environment) },
  ];
}

/** Emits the byTag rows of one account-month. */
export function splitByTag(
  out: CostByTagInput[],
  accountId: string,
  month: string,
  estimated: boolean,
  totals: readonly [number, number, number],
  plans: readonly TagPlan[],
  rng: Rng,
): void {
  const [u, a, n] = totals;
  if (u === 0 && a === 0 && n === 0) return;
  for (const plan of plans) {
    const weights = plan.shares.map((s) => s.weight * (1 + 0.04 * rng.normal()));
    const us = splitInteger(u, weights);
    const am = splitInteger(a, weights);
    const ne = splitInteger(n, weights);
    plan.shares.forEach((share, i) => {
      const pu = us[i] ?? 0;
      const pa = am[i] ?? 0;
      const pn = ne[i] ?? 0;
      if (pu === 0 && pa === 0 && pn === 0) return;
      const unblended = formatUnits(pu);
      out.push({
        accountId,
        month,
        tagKey: plan.key,
        tagValue: share.value,
        unblended,
        amortized: pa === pu ? unblended : formatUnits(pa),
        net: pn === pu ? unblended : formatUnits(pn),
        estimated,
      });
    });
  }
}
