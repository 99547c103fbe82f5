// Which KPI scopes a fact counts in: always "org", plus every OU above the account (its subtree
// scopes). Root is left out: its subtree is the organization, already reported as "org".
import { Decimal } from "decimal.js";
import { indexSnapshot, type TOrgIndex } from "@/lib/domain/checks/org-index";
import type { TSnapshot } from "@/lib/domain/snapshot";
import type { TEvidence } from "@/lib/domain/checks/types";
import { ORG_SCOPE, type TKpiId, type TKpiValue } from "./types";

export interface TScopes {
  index: TOrgIndex;
  /** "org" followed by every non-root OU id, the scopes per-OU KPIs are reported for. */
  all: readonly string[];
  ofAccount: (accountId: string) => readonly string[];
  ofOu: (ouId: string) => readonly string[];
}

export function scopesOf(snap: TSnapshot): TScopes {
  const index = indexSnapshot(snap);
  const ous = snap.orgUnits.filter((o) => o.parentId !== null).map((o) => o.id);
  const ofOu = (ouId: string) => [
    ORG_SCOPE,
    ...index.ouPathIdsOf(ouId).filter((id) => id !== index.rootId && index.ouById.has(id)),
  ];
  return {
    index,
    all: [ORG_SCOPE, ...ous],
    ofOu,
    ofAccount: (accountId) => {
      const account = index.accountById.get(accountId);
      return account ? ofOu(account.parentId) : [ORG_SCOPE];
    },
  };
}

/** Sums of a ratio KPI per scope; counters in `detail` add up the same way. */
export class ScopedRatio {
  private readonly sums = new Map<
    string,
    { num: Decimal; den: Decimal; detail: Map<string, number> }
  >();

  constructor(
    private readonly kpiId: TKpiId,
    private readonly scopes: readonly string[],
  ) {}

  add(
    scopes: readonly string[],
    num: Decimal.Value,
    den: Decimal.Value,
    counters: Record<string, number> = {},
  ) {
    for (const scope of scopes) {
      const s = this.sums.get(scope) ?? {
        num: new Decimal(0),
        den: new Decimal(0),
        detail: new Map<string, number>(),
      };
      s.num = s.num.plus(num);
      s.den = s.den.plus(den);
      for (const [k, v] of Object.entries(counters)) s.detail.set(k, (s.detail.get(k) ?? 0) + v);
      this.sums.set(scope, s);
    }
  }

  /** Percentages (0-100) with 6 decimals; null where nothing was measured. */
  percentages(extra: TEvidence = {}): TKpiValue[] {
    return this.scopes.map((scopeId) => {
      const s = this.sums.get(scopeId);
      const den = s?.den ?? new Decimal(0);
      const num = s?.num ?? new Decimal(0);
      return {
        kpiId: this.kpiId,
        scopeId,
        value: den.gt(0) ? num.div(den).mul(100).toFixed(6) : null,
        numerator: num.toFixed(6),
        denominator: den.toFixed(6),
        detail: { ...extra, ...Object.fromEntries(s?.detail ?? []) },
      };
    });
  }

  /** The numerator itself (an amount or a count) as the value. */
  totals(extra: TEvidence = {}): TKpiValue[] {
    return this.scopes.map((scopeId) => {
      const s = this.sums.get(scopeId);
      const num = s?.num ?? new Decimal(0);
      return {
        kpiId: this.kpiId,
        scopeId,
        value: num.toFixed(6),
        numerator: num.toFixed(6),
        denominator: (s?.den ?? new Decimal(0)).toFixed(6),
        detail: { ...extra, ...Object.fromEntries(s?.detail ?? []) },
      };
    });
  }
}

/** Nearest-rank percentile (p in 0-100) of a non-empty list; null for an empty one. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** Median with the usual midpoint for even counts. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid];
  const lo = sorted[mid - 1];
  if (hi === undefined) return null;
  return sorted.length % 2 === 1 || lo === undefined ? hi : (lo + hi) / 2;
}
