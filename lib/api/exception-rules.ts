// Wire contracts of Settings → Exceptions: standing exception rules (check + target + optional
// resource glob + reason + owner + expiry or review date) and their YAML import/export.
import { z } from "zod";
import { MAX_PATTERN_LENGTH } from "@/lib/domain/exceptions/glob";

export const RULE_STATES = ["active", "expiring", "lapsed", "review-due"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (`2027-01-31`, midnight UTC) or a date-time; blank is none. */
export const ZRuleDate = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z
    .string()
    .max(40)
    .nullable()
    .transform((s, ctx) => {
      if (s === null) return null;
      const d = new Date(DAY.test(s) ? `${s}T00:00:00.000Z` : s);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: "custom", message: "Not a date (use YYYY-MM-DD)." });
        return z.NEVER;
      }
      return d;
    }),
);

/** Rule names are the key of the YAML file: short, stable, no spaces. */
export const ZRuleName = z
  .string({ error: "Give the rule a name." })
  .trim()
  .min(1, "Give the rule a name.")
  .max(100, "A name is at most 100 characters.")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    "Letters, digits, dot, dash and underscore only, starting with a letter or digit.",
  );

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const ZExceptionRuleInput = z
  .object({
    name: ZRuleName,
    checkId: z
      .string({ error: "Choose a check." })
      .trim()
      .min(1, "Choose a check.")
      .max(100)
      .regex(/^[A-Z0-9_]+$/, "A check id is upper case, like IAM_ROOT_ACCESS_KEYS."),
    accountId: z.preprocess(
      blankToNull,
      z
        .string()
        .regex(/^\d{12}$/, "An AWS account id has 12 digits.")
        .nullable()
        .default(null),
    ),
    ouId: z.preprocess(blankToNull, z.string().max(100).nullable().default(null)),
    resourcePattern: z.preprocess(
      blankToNull,
      z
        .string()
        .max(MAX_PATTERN_LENGTH, `A pattern is at most ${MAX_PATTERN_LENGTH} characters.`)
        .nullable()
        .default(null),
    ),
    reason: z
      .string({ error: "Say why these findings are accepted." })
      .trim()
      .min(3, "Say why these findings are accepted (at least 3 characters).")
      .max(1000),
    owner: z
      .string({ error: "Name who owns this exception." })
      .trim()
      .min(1, "Name who owns this exception.")
      .max(200),
    expiresAt: ZRuleDate.default(null),
    reviewAt: ZRuleDate.default(null),
  })
  .superRefine((r, ctx) => {
    if (r.accountId !== null && r.ouId !== null)
      ctx.addIssue({
        code: "custom",
        path: ["ouId"],
        message: "Target one account or one OU, not both.",
      });
    if ((r.expiresAt === null) === (r.reviewAt === null))
      ctx.addIssue({
        code: "custom",
        path: ["expiresAt"],
        message: "Set an expiry date, or no expiry with a review date (exactly one of them).",
      });
  });
export type TExceptionRuleInput = z.infer<typeof ZExceptionRuleInput>;

export const ZExceptionRuleParams = z.object({ id: z.uuid() });

export const ZExceptionRule = z.object({
  id: z.string(),
  name: z.string(),
  checkId: z.string(),
  checkTitle: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  ouId: z.string().nullable(),
  ouPath: z.string().nullable(),
  resourcePattern: z.string().nullable(),
  reason: z.string(),
  owner: z.string(),
  expiresAt: z.string().nullable(),
  reviewAt: z.string().nullable(),
  state: z.enum(RULE_STATES),
  /** Open findings this rule excepts now. */
  covered: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TExceptionRule = z.infer<typeof ZExceptionRule>;

export const ZExceptionRuleList = z.object({
  rules: z.array(ZExceptionRule),
  /** Whether the caller may create organization-wide rules (unscoped admins only). */
  canTargetOrganization: z.boolean(),
});
export type TExceptionRuleList = z.infer<typeof ZExceptionRuleList>;

/** The YAML travels as JSON (state-changing requests are same-origin JSON). */
export const ZExceptionRuleImport = z.object({
  yaml: z.string().max(1_000_000, "The file is larger than 1 MB."),
  /** Only report what would change. */
  dryRun: z.boolean().default(true),
});

export const ZImportChange = z.object({
  name: z.string(),
  action: z.enum(["create", "update", "delete", "unchanged"]),
});
export const ZExceptionRuleImportResult = z.object({
  applied: z.boolean(),
  changes: z.array(ZImportChange),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
});
export type TExceptionRuleImportResult = z.infer<typeof ZExceptionRuleImportResult>;

export const ZYamlError = z.object({
  line: z.number().int().nullable(),
  /** The rule's name, when it has one. */
  rule: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});
export type TYamlError = z.infer<typeof ZYamlError>;
/** The 422 answer's `details` when the file is invalid: nothing was imported. */
export const ZYamlRejected = z.object({ errors: z.array(ZYamlError) });
