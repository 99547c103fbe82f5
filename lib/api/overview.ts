// Shared between the route handler and the client: the overview's JSON shape.
import { z } from "zod";
import { ZMoney, ZMonth } from "@/lib/domain/snapshot";

export const ZOverview = z.object({
  accounts: z.object({ total: z.number().int(), active: z.number().int() }),
  lastFullMonth: z.object({ month: ZMonth, unblended: ZMoney }),
  /** Twelve full months, then the current month to date (estimated). */
  trend: z.array(z.object({ month: ZMonth, unblended: ZMoney, estimated: z.boolean() })),
  lastRun: z.object({ id: z.string(), status: z.string(), source: z.string(), finishedAt: z.string().nullable() }).nullable(),
});

export type TOverview = z.infer<typeof ZOverview>;
