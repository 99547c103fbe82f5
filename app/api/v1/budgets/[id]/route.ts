// PATCH, DELETE /api/v1/budgets/:id – edit or delete an OrgLens budget
import { ZUuidParams } from "@/lib/api/params";
import { ZBudgetBody } from "@/lib/api/budgets";
import { route } from "@/lib/server/http/route";
import { deleteBudget } from "@/lib/server/budgets/delete-budget";
import { saveBudget } from "@/lib/server/budgets/save-budget";

const budget = {
  permission: "rules:write",
  params: ZUuidParams,
  notFound: "No such budget.",
} as const;

export const PATCH = route({ ...budget, body: ZBudgetBody }, ({ db, principal, body, params }) =>
  saveBudget(db, principal, body, params.id),
);

export const DELETE = route(budget, ({ db, principal, params }) =>
  deleteBudget(db, principal, params.id),
);
