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
  accountsSeen: z.number().int(),
  accountsAudited: z.number().int(),
  accountsFailed: z.number().int(),
  /** API requests by "service:Operation". */
  apiRequests: z.record(z.string(), z.number()),
  apiRequestTotal: z.number().int(),
  ceRequests: z.number().int(),
  ceCostUsd: ZMoney,
  /** Tag keys whose spend the run collected (Cost Explorer groups by each). */
  costTagKeys: z.array(z.string()),
  /** From the run's evaluation summary, when it has one. */
  findingsOpened: z.number().int().nullable(),
  findingsResolved: z.number().int().nullable(),
  error: z.string().nullable(),
  triggeredBy: z.string().nullable(),
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

export const ZRunDetail = ZRunSummary.extend({
  accountErrors: z.array(ZRunAccountError),
  /** Errors of accounts outside the caller's scope are not listed. */
  hiddenAccountErrors: z.number().int(),
});

export const ZRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.iso.datetime().optional(),
});

export const ZTriggeredRun = z.object({ id: z.string(), source: z.string(), status: z.string() });

export type TRunSummary = z.infer<typeof ZRunSummary>;
export type TRunList = z.infer<typeof ZRunList>;
export type TRunDetail = z.infer<typeof ZRunDetail>;
export type TRunListQuery = z.infer<typeof ZRunListQuery>;
export type TTriggeredRun = z.infer<typeof ZTriggeredRun>;
