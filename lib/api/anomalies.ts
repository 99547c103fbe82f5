// Wire contracts of /api/v1/anomalies: the list with its roll-ups, one anomaly with its chart, and
// the expected / resolved decision.
import { z } from "zod";
import { ANOMALY_KINDS, ANOMALY_STATUSES } from "@/lib/domain/anomalies/types";

export const ZAnomalyKind = z.enum(ANOMALY_KINDS);
export const ZAnomalyStatus = z.enum(ANOMALY_STATUSES);

export const ZAnomalyQuery = z.object({
  status: z.enum([...ANOMALY_STATUSES, "all"]).default("open"),
  kind: ZAnomalyKind.optional(),
  accountId: z
    .string()
    .regex(/^\d{12}$/, "An account id is 12 digits.")
    .optional(),
});
export type TAnomalyQuery = z.infer<typeof ZAnomalyQuery>;

export const ZAnomaly = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  ouPath: z.string().nullable(),
  costCenter: z.string().nullable(),
  service: z.string(),
  kind: ZAnomalyKind,
  firstDay: z.string(),
  lastDay: z.string(),
  expected: z.number(),
  actual: z.number(),
  impact: z.number(),
  /** impact as a share of expected, in % (null when nothing was expected: a new service). */
  impactPercent: z.number().nullable(),
  upperBound: z.number(),
  status: ZAnomalyStatus,
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type TAnomaly = z.infer<typeof ZAnomaly>;

export const ZRollUpRow = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  impact: z.number(),
});

export const ZAnomalyList = z.object({
  items: z.array(ZAnomaly),
  /** Open anomalies in the caller's scope, per account, OU and cost center. */
  rollUps: z.object({
    account: z.array(ZRollUpRow),
    ou: z.array(ZRollUpRow),
    costCenter: z.array(ZRollUpRow),
  }),
});
export type TAnomalyList = z.infer<typeof ZAnomalyList>;

export const ZBandPoint = z.object({
  day: z.string(),
  actual: z.number(),
  expected: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

export const ZAnomalyDetail = z.object({ anomaly: ZAnomaly, series: z.array(ZBandPoint) });
export type TAnomalyDetail = z.infer<typeof ZAnomalyDetail>;

export const ZAnomalyDecision = z.object({
  status: ZAnomalyStatus,
  reason: z
    .string()
    .trim()
    .min(3, "Say why (at least 3 characters).")
    .max(1000, "At most 1,000 characters."),
});
export type TAnomalyDecision = z.infer<typeof ZAnomalyDecision>;
