// Splits one rule's pool over its targets (proportional to direct spend, even, or fixed percentages),
// then each target's share over the target's accounts in proportion to their direct spend.
import { allocateByWeights } from "./largest-remainder";
import { percentBasisPoints, type RuleVersion } from "./rules";
import { UNALLOCATED } from "./settings";

export interface DirectLine {
  costCenter: string;
  accountId: string;
  directCents: bigint;
  /** The account's OU and its ancestors in the charge month. */
  ous: ReadonlySet<string>;
}

export interface Share {
  costCenter: string;
  accountId: string;
  cents: bigint;
}

const positive = (c: bigint) => (c > 0n ? c : 0n);

export function spreadPool(
  rule: Pick<RuleVersion, "name" | "method" | "targets">,
  pool: bigint,
  direct: readonly DirectLine[],
  ouCostCenter: (ouId: string) => string | null,
): {
  shares: Share[];
  targets: { kind: "costCenter" | "ou"; id: string; cents: bigint }[];
  warnings: string[];
} {
  const warnings: string[] = [];
  const members = rule.targets.map((t) =>
    direct.filter((l) => (t.kind === "costCenter" ? l.costCenter === t.id : l.ous.has(t.id))),
  );
  let weights: bigint[];
  if (rule.method === "fixed")
    weights = rule.targets.map((t) => percentBasisPoints(t.percent ?? 0));
  else if (rule.method === "even") weights = rule.targets.map(() => 1n);
  else weights = members.map((m) => positive(m.reduce((s, l) => s + l.directCents, 0n)));
  if (rule.method === "proportional" && pool !== 0n && weights.every((w) => w === 0n)) {
    warnings.push(
      `${rule.name}: no target has direct spend this month, so the pool is split evenly.`,
    );
  }
  const perTarget = allocateByWeights(pool, weights);
  const shares: Share[] = [];
  rule.targets.forEach((t, i) => {
    const cents = perTarget[i] ?? 0n;
    const m = members[i] ?? [];
    if (cents === 0n) return;
    if (m.length === 0) {
      const costCenter = t.kind === "costCenter" ? t.id : (ouCostCenter(t.id) ?? UNALLOCATED);
      warnings.push(
        `${rule.name}: target ${t.id} has no accounts with spend this month; its share is charged to ${costCenter} without an account.`,
      );
      shares.push({ costCenter, accountId: "", cents });
      return;
    }
    const split = allocateByWeights(
      cents,
      m.map((l) => positive(l.directCents)),
    );
    m.forEach((l, j) => {
      const c = split[j] ?? 0n;
      if (c !== 0n) shares.push({ costCenter: l.costCenter, accountId: l.accountId, cents: c });
    });
  });
  return {
    shares,
    targets: rule.targets.map((t, i) => ({ kind: t.kind, id: t.id, cents: perTarget[i] ?? 0n })),
    warnings,
  };
}
