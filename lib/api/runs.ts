// Shared between the route handlers and the client: collection runs as JSON.
import { z } from "zod";
import { ZMoney } from "@/lib/domain/snapshot";

export const ZRunSummary = z.object({
  id: z.string(),
  source: z.string(),
  status: z.string(),
  phase: z.string(),
  progressDone: z.number().int(),
  progressTotal: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Last sign of life of a running run. */
  heartbeatAt: z.string(),
  durationMs: z.number().int().nullable(),
  /** Null for OU-scoped callers, like every other total of the whole organization (see `orgTotalsHidden`). */
  accountsSeen: z.number().int().nullable(),
  accountsAudited: z.number().int().nullable(),
  /** For OU-scoped callers: their accounts that failed in this run only. */
  accountsFailed: z.number().int(),
  /** API requests by "service:Operation" (empty for OU-scoped callers). */
  apiRequests: z.record(z.string(), z.number()),
  apiRequestTotal: z.number().int().nullable(),
  ceRequests: z.number().int().nullable(),
  ceCostUsd: ZMoney.nullable(),
  /** Tag keys whose spend the run collected (Cost Explorer groups by each). */
  costTagKeys: z.array(z.string()),
  /** From the run's evaluation summary, when it has one. */
  findingsOpened: z.number().int().nullable(),
  findingsResolved: z.number().int().nullable(),
  error: z.string().nullable(),
  triggeredBy: z.string().nullable(),
  /** An OU-scoped caller sees no totals of the whole organization (accounts, requests, findings, progress, raw errors). */
  orgTotalsHidden: z.boolean(),
});

export const ZRunList = z.object({
  runs: z.array(ZRunSummary),
  /** Cursor for the next (older) page: pass as `before`. */
  nextBefore: z.string().nullable(),
});

export const ZRunAccountError = z.object({
  accountId: z.string(),
  accountName: z.string().nullable(),
  phase: z.string(),
  message: z.string(),
});

/** A final month refetched for late corrections: its organization total (unblended) before and after. */
export const ZRefetchedMonth = z.object({
  month: z.string(),
  previousTotal: z.string(),
  currentTotal: z.string(),
  /** currentTotal − previousTotal, exact ("0" when unchanged). */
  difference: z.string(),
  /** The chargeback period was closed: a difference is an adjustment line, never a rewrite. */
  periodClosed: z.boolean(),
});

/** The late-correction schedule this run settled; null when it settled none (or the caller is OU-scoped). */
export const ZRunLateCorrections = z.object({
  full: z.boolean(),
  months: z.array(ZRefetchedMonth),
});

/** Errors of accounts outside the caller's scope are neither listed nor counted. */
export const ZRunDetail = ZRunSummary.extend({
  accountErrors: z.array(ZRunAccountError),
  lateCorrections: ZRunLateCorrections.nullable(),
});

export const ZRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime().optional(),
});

export const ZTriggeredRun = z.object({ id: z.string(), source: z.string(), status: z.string() });

export type TRunSummary = z.infer<typeof ZRunSummary>;
export type TRunList = z.infer<typeof ZRunList>;
export type TRunDetail = z.infer<typeof ZRunDetail>;
export type TRunLateCorrections = z.infer<typeof ZRunLateCorrections>;
export type TRunListQuery = z.infer<typeof ZRunListQuery>;
export type TTriggeredRun = z.infer<typeof ZTriggeredRun>;

/** POST /api/v1/runs: an empty JSON object, so a stray request without one starts nothing. */
export const ZTriggerRunBody = z.object({}).strict();
