// PATCH, DELETE /api/v1/budgets/:id – edit or delete an OrgLens budget
import { z } from "zod";
import { route } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ZBudgetBody } from "@/lib/domain/budgets/api-schema";
import { deleteBudget } from "@/lib/server/budgets/delete-budget";
import { saveBudget } from "@/lib/server/budgets/save-budget";

export const PATCH = route({ permission: "rules:write", body: ZBudgetBody }, ({ principal, body, params }) => saveBudget(db, principal, body, z.uuid().parse(params.id)));

export const DELETE = route({ permission: "rules:write" }, ({ principal, params }) => deleteBudget(db, principal, z.uuid().parse(params.id)));
