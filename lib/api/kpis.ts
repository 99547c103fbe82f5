// Shared between the route handler and the client: the playbook KPIs' trends and the open findings
// matrix, for the caller's scope. KPI metadata (label, unit, which direction is good) lives here once.
import { z } from "zod";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";
import { KPI, type TKpiId } from "@/lib/domain/kpis/types";

export const PERIODS = [6, 12, 24] as const;
export const ZPeriodQuery = z.object({
  months: z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Number(v)),
    z.union(PERIODS.map((p) => z.literal(p))).default(12),
  ),
});

export type TKpiUnit = "pct" | "hours" | "count" | "usd";
/** How per-OU values combine for a user scoped to several OUs: ratios re-divide, totals add, percentiles cannot. */
export type TKpiCombine = "ratio" | "sum" | "none";

/** What the value is computed over (the stored denominator), shown beside it: "72% · 1,204 calls". */
export type TKpiSampleUnit = "accounts" | "member accounts" | "sign-ins" | "calls" | "usd";

export interface TKpiMeta {
  label: string;
  unit: TKpiUnit;
  /** "up": higher is better; "down": lower is better. */
  better: "up" | "down";
  combine: TKpiCombine;
  /** Set when the value is a share or a statistic over a sample: the tile shows the sample size. */
  sample: TKpiSampleUnit | null;
}

export const KPI_META: Record<TKpiId, TKpiMeta> = {
  [KPI.ACCOUNTS_IN_ORG_PCT]: {
    label: "Accounts inside the organization",
    unit: "pct",
    better: "up",
    combine: "ratio",
    sample: "accounts",
  },
  [KPI.ACCOUNTS_IN_OU_PCT]: {
    label: "Accounts placed in an OU",
    unit: "pct",
    better: "up",
    combine: "ratio",
    sample: "member accounts",
  },
  [KPI.ROLE_BASED_LOGINS_PCT]: {
    label: "Console sign-ins through roles",
    unit: "pct",
    better: "up",
    combine: "ratio",
    sample: "sign-ins",
  },
  [KPI.TEMPORARY_KEYS_PCT]: {
    label: "Temporary access keys in use",
    unit: "pct",
    better: "up",
    combine: "ratio",
    sample: "calls",
  },
  [KPI.TIME_TO_COMPLIANT_MEDIAN_HOURS]: {
    label: "Created account to compliant (median)",
    unit: "hours",
    better: "down",
    combine: "none",
    sample: "accounts",
  },
  [KPI.TIME_TO_COMPLIANT_P90_HOURS]: {
    label: "Created account to compliant (p90)",
    unit: "hours",
    better: "down",
    combine: "none",
    sample: "accounts",
  },
  [KPI.TIME_TO_COMPLIANT_FROM_APPROVAL_MEDIAN_HOURS]: {
    label: "Approved request to compliant (median)",
    unit: "hours",
    better: "down",
    combine: "none",
    sample: "accounts",
  },
  [KPI.OPEN_FINDINGS_ACCESS]: {
    label: "Open identity & access findings",
    unit: "count",
    better: "down",
    combine: "sum",
    sample: null,
  },
  [KPI.OPEN_FINDINGS_SEGREGATION]: {
    label: "Open segregation & org findings",
    unit: "count",
    better: "down",
    combine: "sum",
    sample: null,
  },
  [KPI.UNTAGGED_SPEND_PCT]: {
    label: "Untagged spend (last full month)",
    unit: "pct",
    better: "down",
    combine: "ratio",
    sample: "usd",
  },
  [KPI.MGMT_WORKLOAD_SPEND]: {
    label: "Workload spend in management account",
    unit: "usd",
    better: "down",
    combine: "sum",
    sample: null,
  },
  [KPI.SPEND_OVER_BUDGET]: {
    label: "Spend over budget",
    unit: "usd",
    better: "down",
    combine: "sum",
    sample: null,
  },
  [KPI.COMMITMENT_COVERAGE_PCT]: {
    label: "Savings Plans coverage (last full month)",
    unit: "pct",
    better: "up",
    combine: "ratio",
    sample: "usd",
  },
  [KPI.COMMITMENT_UTILIZATION_PCT]: {
    label: "Commitment utilization (last full month)",
    unit: "pct",
    better: "up",
    combine: "ratio",
    sample: "usd",
  },
};

export function isKpiId(id: string): id is TKpiId {
  return Object.hasOwn(KPI_META, id);
}

export const KPI_ORDER = Object.keys(KPI_META).filter(isKpiId);

const ZNum = z.number().nullable();
export const ZKpiSeries = z.object({
  kpiId: z.string(),
  /** One point per run in the window, oldest first; value null where nothing was measured. */
  points: z.array(z.object({ at: z.string(), value: ZNum })),
  latest: ZNum,
  /** How many the latest value is computed over (calls, sign-ins, accounts, USD): its stored denominator; null when the KPI has none. */
  sample: ZNum,
  /** The value of the run about a month before the latest (or the earliest run in the window). */
  previous: z.object({ at: z.string(), value: ZNum }).nullable(),
});
export type TKpiSeries = z.infer<typeof ZKpiSeries>;

export const ZKpisResponse = z.object({
  months: z.number().int(),
  /** "org" for unscoped callers, else the OUs whose subtree values are shown (combined when several). */
  scope: z.object({ kind: z.enum(["org", "ous"]), names: z.array(z.string()) }),
  series: z.array(ZKpiSeries),
  findings: z.object({
    total: z.number().int(),
    cells: z.array(
      z.object({
        category: z.enum(CATEGORIES),
        severity: z.enum(SEVERITIES),
        count: z.number().int(),
      }),
    ),
  }),
});
export type TKpisResponse = z.infer<typeof ZKpisResponse>;
