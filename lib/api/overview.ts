// Shared between the route handler and the client: the overview's JSON shape.
import { z } from "zod";
import { ZSecurityHubRollup } from "./security-hub";
import { ZMoney, ZMonth } from "@/lib/domain/snapshot";

const ZMover = z.object({ key: z.string(), name: z.string(), current: ZMoney, previous: ZMoney });
export const ZCostMovers = z.object({
  month: ZMonth,
  previousMonth: ZMonth,
  accounts: z.array(ZMover),
  services: z.array(ZMover),
});
export type TCostMovers = z.infer<typeof ZCostMovers>;

export const ZOverview = z.object({
  accounts: z.object({ total: z.number().int(), active: z.number().int() }),
  lastFullMonth: z.object({ month: ZMonth, unblended: ZMoney }),
  /** `months` full months (12 unless asked otherwise), then the current month to date (estimated). */
  trend: z.array(z.object({ month: ZMonth, unblended: ZMoney, estimated: z.boolean() })),
  /** Biggest changes from the month before the last full month to the last full month. */
  movers: ZCostMovers,
  lastRun: z
    .object({
      id: z.string(),
      status: z.string(),
      source: z.string(),
      finishedAt: z.string().nullable(),
    })
    .nullable(),
  /** Security Hub over the accounts the caller may see. */
  securityHub: ZSecurityHubRollup,
  /** Overdue findings (open, not muted, past due) per OU the caller may see, most first. */
  overdueByOu: z.array(
    z.object({ ouId: z.string().nullable(), ouPath: z.string(), overdue: z.number().int() }),
  ),
  /** Open cost anomalies in the caller's scope and their impact in USD. */
  openAnomalies: z.object({ count: z.number().int(), impact: z.number() }),
});

export type TOverview = z.infer<typeof ZOverview>;
