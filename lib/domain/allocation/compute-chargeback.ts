// One month's chargeback: exact costs → cents that add up to the organization's total, direct cost
// by cost center, then each shared-cost rule's pool split over its targets. Pure; no I/O.
import { assignDirect, ouDefaultCostCenter, type AssignContext } from "./assign-direct";
import {
  CHARGE_GROUPS,
  DEFAULT_POLICIES,
  noComponents,
  policyOf,
  splitChargeGroups,
} from "./charge-policy";
import { allocateByWeights, Dec, decimalsToCents } from "./largest-remainder";
import { ruleMatches } from "./rules";
import { UNALLOCATED } from "./settings";
import { spreadPool, type DirectLine } from "./spread-pool";
import type {
  AccountInfo,
  AllocatedLine,
  ChargebackInput,
  ChargebackResult,
  OuInfo,
  PoolResult,
  TagShare,
  TBasis,
} from "./types";
import { groupBy } from "@/lib/domain/collections";
import type { TChargeGroup } from "@/lib/domain/costs/charge-types";

interface Bucket {
  accountId: string;
  ruleKey: string | null;
  /** The charge group of direct cost; a rule's pool takes every group of what it matches. */
  group: TChargeGroup;
  amount: Dec;
}

/** Ancestor OU ids of an OU, itself included (cycle-safe). */
function ancestorsOf(ouId: string | null, ous: ReadonlyMap<string, OuInfo>): Set<string> {
  const out = new Set<string>();
  for (let id = ouId; id !== null && !out.has(id); id = ous.get(id)?.parentId ?? null) out.add(id);
  return out;
}

/** Groups cost lines into (account, first matching rule | direct charge group) buckets of exact amounts. */
function bucketCosts(input: ChargebackInput, rules: ChargebackInput["rules"]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const c of splitChargeGroups(input.costs, input.charges ?? [])) {
    const ruleKey = rules.find((r) => ruleMatches(r, c.accountId, c.service))?.ruleKey ?? null;
    const group = ruleKey === null ? c.group : "usage";
    const key = `${c.accountId}\u0000${ruleKey ?? ""}\u0000${group}`;
    const b = buckets.get(key);
    if (b) b.amount = b.amount.plus(c.amount);
    else buckets.set(key, { accountId: c.accountId, ruleKey, group, amount: new Dec(c.amount) });
  }
  const rank = (g: TChargeGroup) => CHARGE_GROUPS.indexOf(g);
  return [...buckets.values()].sort(
    (a, b) =>
      a.accountId.localeCompare(b.accountId) ||
      (a.ruleKey ?? "").localeCompare(b.ruleKey ?? "") ||
      rank(a.group) - rank(b.group),
  );
}

export function computeChargeback(input: ChargebackInput): ChargebackResult {
  const rules = [...input.rules].sort((a, b) => a.ruleKey.localeCompare(b.ruleKey));
  const ous = new Map(input.ous.map((o) => [o.id, o]));
  const accounts = new Map(input.accounts.map((a) => [a.id, a]));
  const ctx: AssignContext = {
    order: input.order,
    ous,
    tagShares: groupBy<TagShare, string>(input.tagShares, (t) => t.accountId),
  };
  const buckets = bucketCosts(input, rules);
  const { cents, totalCents } = decimalsToCents(buckets.map((b) => b.amount));

  const lines = new Map<string, AllocatedLine>();
  const line = (costCenter: string, accountId: string, basis: TBasis): AllocatedLine => {
    const key = `${costCenter}\u0000${accountId}`;
    let l = lines.get(key);
    if (!l)
      lines.set(
        key,
        (l = {
          costCenter,
          accountId,
          directCents: 0n,
          sharedCents: 0n,
          components: noComponents(),
          basis,
        }),
      );
    return l;
  };
  const charge = (l: AllocatedLine, group: TChargeGroup, cents: bigint) => {
    l.directCents += cents;
    l.components[group] += cents;
  };
  const policies = input.policies ?? DEFAULT_POLICIES;
  // Own-line charges (tax) carry no resource tags: the whole amount goes to the account's cost center.
  const wholeAccount: AssignContext = { ...ctx, order: ctx.order.filter((o) => o !== "tagSplit") };
  const orgPools = new Map<TChargeGroup, bigint>();
  const poolSources = new Map<string, Map<string, bigint>>();
  buckets.forEach((b, i) => {
    const c = cents[i] ?? 0n;
    const policy = policyOf(b.group, policies);
    if (b.ruleKey === null && policy === "split-by-usage") {
      orgPools.set(b.group, (orgPools.get(b.group) ?? 0n) + c);
    } else if (b.ruleKey === null) {
      const account: AccountInfo = accounts.get(b.accountId) ?? {
        id: b.accountId,
        tagCostCenter: null,
        ouId: null,
      };
      const parts = assignDirect(account, c, policy === "own-line" ? wholeAccount : ctx);
      for (const part of parts)
        charge(line(part.costCenter, b.accountId, part.basis), b.group, part.cents);
    } else {
      const sources = poolSources.get(b.ruleKey) ?? new Map<string, bigint>();
      sources.set(b.accountId, (sources.get(b.accountId) ?? 0n) + c);
      poolSources.set(b.ruleKey, sources);
    }
  });

  // Split-by-usage groups (support by default) go to every line in proportion to its usage.
  const chargePools: ChargebackResult["chargePools"] = [];
  for (const group of CHARGE_GROUPS) {
    const pool = orgPools.get(group);
    if (pool === undefined) continue;
    chargePools.push({ group, cents: pool });
    const receivers = [...lines.values()]
      .filter((l) => l.components.usage > 0n)
      .sort(
        (a, b) =>
          a.costCenter.localeCompare(b.costCenter) || a.accountId.localeCompare(b.accountId),
      );
    if (receivers.length === 0) {
      charge(line(UNALLOCATED, "", "unallocated"), group, pool);
      continue;
    }
    const split = allocateByWeights(
      pool,
      receivers.map((l) => l.components.usage),
    );
    receivers.forEach((l, i) => charge(l, group, split[i] ?? 0n));
  }

  // Shared cost follows direct spend only: weights are taken before any pool is spread.
  const direct: DirectLine[] = [...lines.values()].map((l) => ({
    costCenter: l.costCenter,
    accountId: l.accountId,
    directCents: l.directCents,
    ous: ancestorsOf(accounts.get(l.accountId)?.ouId ?? null, ous),
  }));
  const warnings: string[] = [];
  const pools: PoolResult[] = [];
  for (const rule of rules) {
    const sources = poolSources.get(rule.ruleKey) ?? new Map<string, bigint>();
    const sourceCents = [...sources.values()].reduce((a, b) => a + b, 0n);
    const spread = spreadPool(rule, sourceCents, direct, (ouId) => ouDefaultCostCenter(ouId, ous));
    for (const s of spread.shares) line(s.costCenter, s.accountId, "shared").sharedCents += s.cents;
    warnings.push(...spread.warnings);
    pools.push({
      ruleKey: rule.ruleKey,
      version: rule.version,
      name: rule.name,
      method: rule.method,
      sourceCents,
      sources: [...sources].map(([accountId, c]) => ({ accountId, cents: c })),
      targets: spread.targets,
    });
  }

  // A line whose credits cancel its usage stays: the credit is shown, never netted away unseen.
  const out = [...lines.values()].filter(
    (l) => l.sharedCents !== 0n || Object.values(l.components).some((c) => c !== 0n),
  );
  out.sort(
    (a, b) => a.costCenter.localeCompare(b.costCenter) || a.accountId.localeCompare(b.accountId),
  );
  const sum = out.reduce((s, l) => s + l.directCents + l.sharedCents, 0n);
  if (sum !== totalCents)
    throw new Error(`chargeback does not reconcile: ${sum} ≠ ${totalCents} cents`);
  return { totalCents, lines: out, pools, chargePools, warnings: [...new Set(warnings)] };
}
