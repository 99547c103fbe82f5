// GET, POST /api/v1/budgets – budgets with month-to-date actual, local forecast and variance; create one
import { route } from "@/lib/server/http/route";
import { ZBudgetBody } from "@/lib/api/budgets";
import { getBudgets } from "@/lib/server/budgets/get-budgets";
import { saveBudget } from "@/lib/server/budgets/save-budget";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "data:read" }, ({ db, principal }) =>
  getBudgets(db, principal.scope),
);

export const POST = route(
  { permission: "rules:write", body: ZBudgetBody },
  ({ db, principal, body }) => saveBudget(db, principal, body),
);
