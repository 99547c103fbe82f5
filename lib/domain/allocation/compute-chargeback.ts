// One month's chargeback: exact costs → cents that add up to the organization's total, direct cost
// by cost center, then each shared-cost rule's pool split over its targets. Pure; no I/O.
import { assignDirect, ouDefaultCostCenter, type AssignContext } from "./assign-direct";
import { Dec, decimalsToCents } from "./largest-remainder";
import { ruleMatches } from "./rules";
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

interface Bucket {
  accountId: string;
  ruleKey: string | null;
  amount: Dec;
}

/** Ancestor OU ids of an OU, itself included (cycle-safe). */
function ancestorsOf(ouId: string | null, ous: ReadonlyMap<string, OuInfo>): Set<string> {
  const out = new Set<string>();
  for (let id = ouId; id !== null && !out.has(id); id = ous.get(id)?.parentId ?? null) out.add(id);
  return out;
}

/** Groups cost lines into (account, first matching rule | direct) buckets of exact amounts. */
function bucketCosts(input: ChargebackInput, rules: ChargebackInput["rules"]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const c of input.costs) {
    const ruleKey = rules.find((r) => ruleMatches(r, c.accountId, c.service))?.ruleKey ?? null;
    const key = `${c.accountId}\u0000${ruleKey ?? ""}`;
    const b = buckets.get(key);
    if (b) b.amount = b.amount.plus(c.amount);
    else buckets.set(key, { accountId: c.accountId, ruleKey, amount: new Dec(c.amount) });
  }
  return [...buckets.values()].sort(
    (a, b) =>
      a.accountId.localeCompare(b.accountId) || (a.ruleKey ?? "").localeCompare(b.ruleKey ?? ""),
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
      lines.set(key, (l = { costCenter, accountId, directCents: 0n, sharedCents: 0n, basis }));
    return l;
  };
  const poolSources = new Map<string, Map<string, bigint>>();
  buckets.forEach((b, i) => {
    const c = cents[i] ?? 0n;
    if (b.ruleKey === null) {
      const account: AccountInfo = accounts.get(b.accountId) ?? {
        id: b.accountId,
        tagCostCenter: null,
        ouId: null,
      };
      for (const part of assignDirect(account, c, ctx))
        line(part.costCenter, b.accountId, part.basis).directCents += part.cents;
    } else {
      const sources = poolSources.get(b.ruleKey) ?? new Map<string, bigint>();
      sources.set(b.accountId, (sources.get(b.accountId) ?? 0n) + c);
      poolSources.set(b.ruleKey, sources);
    }
  });

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

  const out = [...lines.values()].filter((l) => l.directCents !== 0n || l.sharedCents !== 0n);
  out.sort(
    (a, b) => a.costCenter.localeCompare(b.costCenter) || a.accountId.localeCompare(b.accountId),
  );
  const sum = out.reduce((s, l) => s + l.directCents + l.sharedCents, 0n);
  if (sum !== totalCents)
    throw new Error(`chargeback does not reconcile: ${sum} ≠ ${totalCents} cents`);
  return { totalCents, lines: out, pools, warnings: [...new Set(warnings)] };
}
