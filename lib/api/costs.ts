// Shared between the route handlers and the client: the showback query (the page's URL and the
// API's query string are the same keys) and the JSON it answers with.
import { z } from "zod";
import { parseGroupBy } from "@/lib/domain/showback/group-by";
import { ZMoney, ZMonth } from "@/lib/domain/snapshot";
import { ZYearMonth } from "@/lib/domain/org/period";
import { blankToUndefined } from "./query-params";

export const METRICS = ["unblended", "amortized", "net"] as const;
export const GRANULARITIES = ["monthly", "daily"] as const;
/** Which placement the `ou` filter follows: the OU of the charge month, or today's. */
export const OU_AT = ["month", "today"] as const;

export type TMetric = (typeof METRICS)[number];
export type TGranularity = (typeof GRANULARITIES)[number];

export const ZCostQuery = z.object({
  groupBy: z
    .string()
    .default("ou")
    .refine(
      (g) => parseGroupBy(g) !== null,
      "account, ou, ou-today, service, cost-center, charge-type, region or tag:<key>",
    ),
  metric: z.enum(METRICS).default("unblended"),
  granularity: z.enum(GRANULARITIES).default("monthly"),
  from: z.preprocess(blankToUndefined, ZYearMonth.optional()),
  to: z.preprocess(blankToUndefined, ZYearMonth.optional()),
  ou: z.preprocess(blankToUndefined, z.string().min(1).max(100).optional()),
  ouAt: z.enum(OU_AT).default("month"),
  account: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{12}$/, "a 12-digit account id")
      .optional(),
  ),
  /** A Cost Explorer RECORD_TYPE ("Credit", "Tax", ...): only spend of that charge type. */
  chargeType: z.preprocess(blankToUndefined, z.string().min(1).max(100).optional()),
  /** A Cost Explorer REGION ("us-east-1", "global"): only spend in that region. */
  region: z.preprocess(blankToUndefined, z.string().min(1).max(100).optional()),
});

/** Most groups one answer of GET /api/v1/costs holds; the page asks for this many at a time. */
export const MAX_COST_GROUPS = 1000;
export const COST_GROUPS_PAGE = 200;

/**
 * The JSON view's query: the view plus an optional page of its groups, largest first (`limit` absent:
 * every group). Totals and the group count always cover every group; the CSV export is never paged.
 */
export const ZCostPageQuery = ZCostQuery.extend({
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int("a whole number")
      .min(1, "at least 1")
      .max(MAX_COST_GROUPS, `at most ${MAX_COST_GROUPS}`)
      .optional(),
  ),
  offset: z.preprocess(
    blankToUndefined,
    z.coerce.number().int("a whole number").min(0, "0 or more").max(1_000_000).optional(),
  ),
}).refine((q) => q.offset === undefined || q.limit !== undefined, {
  path: ["offset"],
  message: "needs a limit (without one every group is answered)",
});

export type TCostQueryInput = z.input<typeof ZCostQuery>;
export type TCostPageQuery = z.infer<typeof ZCostPageQuery>;
export interface TCostPage {
  limit: number;
  offset: number;
}
export type TCostQuery = z.infer<typeof ZCostQuery>;

/** The query string of a cost view, in the order URLs carry it. */
export const COST_QUERY_KEYS = [
  "groupBy",
  "metric",
  "granularity",
  "from",
  "to",
  "ou",
  "ouAt",
  "account",
  "chargeType",
  "region",
] as const;
const DEFAULTS: Partial<Record<(typeof COST_QUERY_KEYS)[number], string>> = {
  groupBy: "ou",
  metric: "unblended",
  granularity: "monthly",
  ouAt: "month",
};

/** The query string of a view, defaults left out, keys in a stable order: the page URL and the API's. */
export function costSearchParams(
  q: Partial<Record<(typeof COST_QUERY_KEYS)[number], string | null | undefined>>,
): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of COST_QUERY_KEYS) {
    const v = q[key];
    if (v && v !== DEFAULTS[key] && !(key === "ouAt" && !q.ou)) out.set(key, v);
  }
  return out;
}

/** The query as the server resolved it: defaults applied, months as first-of-month dates. */
export const ZResolvedCostQuery = z.object({
  groupBy: z.string(),
  metric: z.enum(METRICS),
  granularity: z.enum(GRANULARITIES),
  from: ZMonth,
  to: ZMonth,
  ou: z.string().nullable(),
  ouAt: z.enum(OU_AT),
  account: z.string().nullable(),
  chargeType: z.string().nullable(),
  region: z.string().nullable(),
});

export type TResolvedCostQuery = z.infer<typeof ZResolvedCostQuery>;

export const ZCostPeriod = z.object({
  /** "YYYY-MM-01" for months, "YYYY-MM-DD" for days. */
  key: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Month to date, or not yet final. */
  estimated: z.boolean(),
});

export const ZCostGroup = z.object({
  key: z.string(),
  label: z.string(),
  /** One exact decimal per period, aligned with `periods`. */
  values: z.array(ZMoney),
  total: ZMoney,
});

export const ZCostReport = z.object({
  query: ZResolvedCostQuery,
  periods: z.array(ZCostPeriod),
  /** Largest total first: every group, or the page asked for. */
  groups: z.array(ZCostGroup),
  /** Where `groups` starts among all of them, the page size asked for, and how many groups there are. */
  page: z.object({
    offset: z.number().int().min(0),
    limit: z.number().int().nullable(),
    groupCount: z.number().int().min(0),
  }),
  totals: z.object({ values: z.array(ZMoney), total: ZMoney }),
  /** Grouping by tag: the untagged bucket's share of the total, a fraction with 6 places. */
  untaggedShare: z.string().nullable().optional(),
  filters: z.object({
    ou: z.object({ id: z.string(), label: z.string() }).nullable(),
    account: z.object({ id: z.string(), label: z.string() }).nullable(),
  }),
});

export type TCostPeriod = z.infer<typeof ZCostPeriod>;
export type TCostGroup = z.infer<typeof ZCostGroup>;
export type TCostReport = z.infer<typeof ZCostReport>;

export const ZTagKeys = z.object({ tagKeys: z.array(z.string()) });
export type TTagKeys = z.infer<typeof ZTagKeys>;

/** Where the next page of a paged answer starts, or undefined when every group is loaded. */
export function nextCostOffset(last: TCostReport): number | undefined {
  const next = last.page.offset + last.groups.length;
  return last.groups.length > 0 && next < last.page.groupCount ? next : undefined;
}

/**
 * Pages loaded in order as one report: the first page's totals and count, every loaded group once
 * (data that changed between two pages can move a group onto the next page a second time).
 */
export function joinCostPages(pages: readonly TCostReport[]): TCostReport | undefined {
  const [first] = pages;
  if (!first) return undefined;
  const seen = new Set<string>();
  const groups = pages.flatMap((p) => p.groups).filter((g) => !seen.has(g.key) && seen.add(g.key));
  return { ...first, groups };
}
