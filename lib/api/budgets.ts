// Shapes of /api/v1/budgets, shared by the routes and the budgets page.
import { z } from "zod";

export const BUDGET_SCOPES = ["account", "ou", "costCenter"] as const;

export const ZBudgetBody = z.object({
  name: z.string().trim().min(1).max(120),
  scopeType: z.enum(BUDGET_SCOPES),
  scopeId: z.string().trim().min(1).max(200),
  monthlyAmount: z.coerce.number().positive().max(1e12),
});
export type TBudgetBody = z.infer<typeof ZBudgetBody>;

const ZBurnPoint = z.object({
  day: z.number(),
  actual: z.number().nullable(),
  forecast: z.number().nullable(),
  budget: z.number(),
});

export const ZBudgetView = z.object({
  id: z.string(),
  name: z.string(),
  scopeType: z.enum(BUDGET_SCOPES),
  scopeId: z.string(),
  scopeLabel: z.string(),
  source: z.string(),
  monthlyAmount: z.number(),
  accounts: z.number(),
  monthToDate: z.number(),
  forecast: z.number(),
  method: z.string(),
  actualVariance: z.number(),
  forecastVariance: z.number(),
  usedPct: z.number(),
  status: z.enum(["over", "at-risk", "on-track"]),
  burn: z.array(ZBurnPoint),
});
export type TBudgetView = z.infer<typeof ZBudgetView>;

export const ZAwsBudgetView = z.object({
  accountId: z.string(),
  accountName: z.string(),
  name: z.string(),
  limit: z.number(),
  timeUnit: z.string(),
  actual: z.number().nullable(),
  /** AWS's own forecast, as collected. */
  forecast: z.number().nullable(),
  /** OrgLens's forecast of the same accounts from stored daily cost; null without daily cost. */
  orglensForecast: z.number().nullable(),
  /** Already copied into an OrgLens budget. */
  imported: z.boolean(),
});

export const ZBudgetList = z.object({
  month: z.string(),
  daysElapsed: z.number(),
  daysInMonth: z.number(),
  budgets: z.array(ZBudgetView),
  awsBudgets: z.array(ZAwsBudgetView),
});
export type TBudgetList = z.infer<typeof ZBudgetList>;
