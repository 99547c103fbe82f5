// The gap report: one model, rendered as the print page and as the Markdown download.
import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { AREAS, EFFORTS } from "@/lib/domain/report/playbook-areas";
import { AREA_STATUSES, PHASES } from "@/lib/domain/report/remediation-plan";
import { blankToUndefined } from "./query-params";
import { ZFindingRow } from "./findings";

/** `ou`: one OU's subtree (its id); blank = everything the caller may see. */
export const ZGapReportQuery = z.object({
  ou: z.preprocess(blankToUndefined, z.string().min(1).max(100).optional()),
});
export type TGapReportQuery = z.infer<typeof ZGapReportQuery>;

const ZSeverityCounts = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  info: z.number().int(),
});

export const ZReportKpi = z.object({
  kpiId: z.string(),
  label: z.string(),
  unit: z.enum(["pct", "hours", "count", "usd"]),
  better: z.enum(["up", "down"]),
  /** The last runs' values, oldest first. */
  points: z.array(z.object({ at: z.string(), value: z.number().nullable() })),
  latest: z.number().nullable(),
  /** improving | worsening | steady | unknown: the latest value against the first of the points. */
  trend: z.enum(["improving", "worsening", "steady", "unknown"]),
});
export type TReportKpi = z.infer<typeof ZReportKpi>;

export const ZReportFinding = ZFindingRow.pick({
  id: true,
  checkId: true,
  checkTitle: true,
  severity: true,
  title: true,
  accountId: true,
  accountName: true,
  ouName: true,
  owner: true,
  dueAt: true,
  overdue: true,
  ticketUrl: true,
});

export const ZGapArea = z.object({
  area: z.enum(AREAS),
  label: z.string(),
  status: z.enum(AREA_STATUSES),
  /** Open, unmuted findings by severity. */
  open: ZSeverityCounts,
  openTotal: z.number().int(),
  /** Muted (accepted for now) findings: listed apart, not counted. */
  muted: z.number().int(),
  overdue: z.number().int(),
  unassigned: z.number().int(),
  kpis: z.array(ZReportKpi),
  /** The open findings, most severe first (at most FINDINGS_PER_AREA; the counts are complete). */
  findings: z.array(ZReportFinding),
});
export type TGapArea = z.infer<typeof ZGapArea>;

export const ZPlanItem = z.object({
  phase: z.union(PHASES.map((p) => z.literal(p))),
  checkId: z.string(),
  checkTitle: z.string(),
  area: z.enum(AREAS),
  severity: z.enum(SEVERITIES),
  effort: z.enum(EFFORTS),
  open: z.number().int(),
  owners: z.array(z.string()),
  unassigned: z.number().int(),
  /** The earliest due date among its findings. */
  firstDue: z.string().nullable(),
  remediation: z.string().nullable(),
});
export type TPlanItem = z.infer<typeof ZPlanItem>;

export const ZGapReport = z.object({
  generatedAt: z.string(),
  scope: z.object({
    kind: z.enum(["org", "ou", "scope"]),
    ouId: z.string().nullable(),
    /** "Whole organization", an OU path, or the caller's OUs. */
    name: z.string(),
  }),
  statusRule: z.string(),
  phaseRule: z.string(),
  totals: z.object({
    open: ZSeverityCounts,
    openTotal: z.number().int(),
    muted: z.number().int(),
    overdue: z.number().int(),
  }),
  areas: z.array(ZGapArea),
  plan: z.array(ZPlanItem),
});
export type TGapReport = z.infer<typeof ZGapReport>;
