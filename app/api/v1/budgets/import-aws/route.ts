// POST /api/v1/budgets/import-aws – import the collected monthly AWS Budgets as OrgLens account budgets
import { route } from "@/lib/server/http/route";
import { importAwsBudgets } from "@/lib/server/budgets/import-aws-budgets";

export const POST = route({ permission: "rules:write" }, ({ db, principal }) =>
  importAwsBudgets(db, principal),
);
