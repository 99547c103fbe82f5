// Wire contracts of Settings → Known accounts: the inventory of accounts the company owns, inside the
// organization or not, that "% accounts managed in Organizations" and ORG_ACCOUNT_OUTSIDE read.
import { z } from "zod";

export const ZAccountId = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{12}$/, "An AWS account id has 12 digits."));

/** The path of one entry: a malformed account id names no entry (404). */
export const ZKnownAccountParams = z.object({ id: ZAccountId });

const ZLabel = (what: string) =>
  z.string().trim().max(200, `The ${what} is at most 200 characters.`).default("");

export const ZKnownAccountUpdate = z.object({ name: ZLabel("name"), owner: ZLabel("owner") });
export const ZKnownAccountCreate = ZKnownAccountUpdate.extend({ accountId: ZAccountId });
export type TKnownAccountCreate = z.infer<typeof ZKnownAccountCreate>;
export type TKnownAccountUpdate = z.infer<typeof ZKnownAccountUpdate>;

/** The CSV travels as JSON (state-changing requests are same-origin JSON). */
export const ZKnownAccountImport = z.object({
  csv: z.string().min(1, "The file is empty.").max(2_000_000, "The file is larger than 2 MB."),
});

export const ZKnownAccount = z.object({
  accountId: z.string(),
  name: z.string(),
  owner: z.string(),
  source: z.string(),
  updatedAt: z.string(),
  /** The organization's account with this id (name and status), or null: outside the organization. */
  member: z.object({ name: z.string(), status: z.string() }).nullable(),
});
export type TKnownAccount = z.infer<typeof ZKnownAccount>;

export const ZKnownAccountList = z.object({
  accounts: z.array(ZKnownAccount),
  summary: z.object({ known: z.number(), inOrganization: z.number(), outside: z.number() }),
});

export const ZRowError = z.object({
  line: z.number(),
  accountId: z.string().nullable(),
  message: z.string(),
});
export const ZKnownAccountImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export type TKnownAccountImportResult = z.infer<typeof ZKnownAccountImportResult>;
/** The 422 answer's `details` when rows are invalid: nothing was imported. */
export const ZImportRejected = z.object({ rows: z.array(ZRowError) });
