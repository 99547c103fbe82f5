// Security Hub results as shown on the OU tree, the account page and the overview.
import { z } from "zod";

/** One account: from the aggregator's active findings, and the account's own enabled standards. */
export const ZAccountSecurityHub = z.object({
  enabled: z.boolean(),
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  /** Standard ARNs; null when the run could not read them. */
  standards: z.array(z.string()).nullable(),
});
export type TAccountSecurityHub = z.infer<typeof ZAccountSecurityHub>;

/** A subtree (OU) or the caller's whole view (overview): sums over the accounts with a Security Hub status. */
export const ZSecurityHubRollup = z.object({
  /** Accounts with a collected Security Hub status. */
  accounts: z.number().int(),
  enabledAccounts: z.number().int(),
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  /** Each standard and the number of accounts that enable it, most common first. */
  standards: z.array(z.object({ arn: z.string(), accounts: z.number().int() })),
});
export type TSecurityHubRollup = z.infer<typeof ZSecurityHubRollup>;
