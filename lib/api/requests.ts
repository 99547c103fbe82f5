// Shapes of /api/v1/requests, shared by the routes and the requests page.
import { z } from "zod";
import { REQUEST_STATUSES } from "@/lib/domain/requests/state-machine";
import { VENDING_STEPS } from "@/lib/domain/requests/vending";
import { ZAccountId } from "./known-accounts";

export const ENVIRONMENTS = ["prod", "staging", "test", "dev", "sandbox"] as const;

export const ZRequestBody = z.object({
  name: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/,
      "Letters, digits, spaces, dots, dashes and underscores",
    ),
  purpose: z.string().trim().min(3).max(1000),
  environment: z.enum(ENVIRONMENTS),
  targetOuId: z.string().min(1),
  owner: z.email(),
  costCenter: z.string().trim().min(1).max(100),
  monthlyBudget: z.coerce.number().nonnegative().max(1e9).nullable().default(null),
});
export type TRequestBody = z.infer<typeof ZRequestBody>;

export const ZDecisionBody = z.object({
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(1000).default(""),
});
export type TDecisionBody = z.infer<typeof ZDecisionBody>;

export const ZRequestView = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  environment: z.string(),
  targetOuId: z.string(),
  targetOuPath: z.string(),
  owner: z.string(),
  costCenter: z.string(),
  monthlyBudget: z.number().nullable(),
  requestedBy: z.string(),
  status: z.enum(REQUEST_STATUSES),
  accountId: z.string().nullable(),
  hoursToCompliant: z.number().nullable(),
  timeline: z.array(
    z.object({ status: z.enum(REQUEST_STATUSES), at: z.string(), detail: z.string().nullable() }),
  ),
  /** Vending through Organizations (null when OrgLens did not create the account). */
  vending: z
    .object({
      status: z.enum(["running", "failed", "done"]),
      /** The step the last attempt failed at; a retry starts there. */
      failedStep: z.enum(VENDING_STEPS).nullable(),
      steps: z.array(
        z.object({
          step: z.enum(VENDING_STEPS),
          label: z.string(),
          status: z.enum(["ok", "failed"]),
          at: z.string(),
          detail: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type TRequestView = z.infer<typeof ZRequestView>;

/** Link an account that joined without a request to the approved request it belongs to. */
export const ZLinkAccountBody = z.object({ accountId: ZAccountId });
export type TLinkAccountBody = z.infer<typeof ZLinkAccountBody>;

export const ZRequestList = z.object({ canDecide: z.boolean(), requests: z.array(ZRequestView) });

export const ZRequestSettings = z.object({
  /** Create approved accounts through Organizations CreateAccount instead of waiting for them to appear. */
  createAccounts: z.boolean().default(false),
  /** Root email of created accounts; "{name}" is replaced by the account name (lower-case, dashes). */
  emailTemplate: z.string().default("aws+{name}@example.com"),
  /**
   * From when new accounts must come through a request (ORG_ACCOUNT_UNREQUESTED); accounts that joined
   * earlier predate the process. Null: since OrgLens's first collection run.
   */
  processSince: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type TRequestSettings = z.infer<typeof ZRequestSettings>;
export const REQUEST_SETTINGS_KEY = "accountRequests";
