// Path segments of the API's dynamic routes, parsed by the route guard (`params`): one that cannot
// name anything is a 404, the same answer as an id that names nothing the caller may see.
import { z } from "zod";
import { ZAccountId } from "./accounts";
import { ZOuId } from "./org";
import { ZMonthParam } from "@/lib/api/chargeback";

/** A row keyed by a UUID (findings, runs, budgets, tokens, alert channels and rules, requests, bindings). */
export const ZUuidParams = z.object({ id: z.uuid() });
/** An AWS account: 12 digits. */
export const ZAccountParams = z.object({ id: ZAccountId });
/** An OU or the root, by its Organizations id. */
export const ZOuParams = z.object({ id: ZOuId });
/** A shared-cost rule, by its stable key. */
export const ZRuleKeyParams = z.object({ key: z.string().min(1) });
/** A chargeback month, YYYY-MM (normalized to the first of the month). */
export const ZMonthParams = z.object({ month: ZMonthParam });
