// Which cost center an account's direct cost belongs to: the configured sources in order, then
// the `unallocated` bucket. A tag split assigns the tagged part and passes the untagged rest on.
import { allocateByWeights, toWeight } from "./largest-remainder";
import { UNALLOCATED, type TAllocationSource } from "./settings";
import type { AccountInfo, OuInfo, TagShare, TBasis } from "./types";

export interface DirectPart {
  costCenter: string;
  cents: bigint;
  basis: TBasis;
}

export interface AssignContext {
  order: readonly TAllocationSource[];
  ous: ReadonlyMap<string, OuInfo>;
  tagShares: ReadonlyMap<string, readonly TagShare[]>;
}

/** Nearest OU (the account's own first, then its ancestors) with a default cost center. */
export function ouDefaultCostCenter(
  ouId: string | null,
  ous: ReadonlyMap<string, OuInfo>,
): string | null {
  const seen = new Set<string>();
  for (let id = ouId; id !== null && !seen.has(id);) {
    seen.add(id);
    const ou = ous.get(id);
    if (!ou) return null;
    if (ou.defaultCostCenter) return ou.defaultCostCenter;
    id = ou.parentId;
  }
  return null;
}

/** Splits `cents` over tagged values; returns the parts and what stayed untagged. */
function splitByTag(
  cents: bigint,
  shares: readonly TagShare[],
): { parts: DirectPart[]; rest: bigint } {
  const byValue = new Map<string, bigint>();
  for (const s of shares) byValue.set(s.value, (byValue.get(s.value) ?? 0n) + toWeight(s.amount));
  const tagged = [...byValue]
    .filter(([v, w]) => v !== "" && w > 0n)
    .sort(([a], [b]) => a.localeCompare(b));
  if (tagged.length === 0) return { parts: [], rest: cents };
  const untagged = byValue.get("") ?? 0n;
  const split = allocateByWeights(cents, [...tagged.map(([, w]) => w), untagged]);
  const parts = tagged
    .map(([value], i) => ({ costCenter: value, cents: split[i] ?? 0n, basis: "tagSplit" as const }))
    .filter((p) => p.cents !== 0n);
  return { parts, rest: split[tagged.length] ?? 0n };
}

export function assignDirect(
  account: AccountInfo,
  cents: bigint,
  ctx: AssignContext,
): DirectPart[] {
  if (cents === 0n) return [];
  const parts: DirectPart[] = [];
  let rest = cents;
  for (const source of ctx.order) {
    if (rest === 0n) break;
    if (source === "accountTag" && account.tagCostCenter) {
      parts.push({ costCenter: account.tagCostCenter, cents: rest, basis: source });
      rest = 0n;
    } else if (source === "ouDefault") {
      const cc = ouDefaultCostCenter(account.ouId, ctx.ous);
      if (cc) {
        parts.push({ costCenter: cc, cents: rest, basis: source });
        rest = 0n;
      }
    } else if (source === "tagSplit") {
      const split = splitByTag(rest, ctx.tagShares.get(account.id) ?? []);
      parts.push(...split.parts);
      rest = split.rest;
    }
  }
  if (rest !== 0n) parts.push({ costCenter: UNALLOCATED, cents: rest, basis: "unallocated" });
  return parts;
}
