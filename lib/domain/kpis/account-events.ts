// Which ingested CloudTrail events date a new account's provisioning to the second: the events that
// set it up (it joined the organization, it was moved into its OU) and the events that can close one
// of its findings (a move closes placement findings; a bucket policy or a role trust its own finding).
// Pure: the caller parses the stored event; only events OrgLens applied are passed in.
import { ENV_SEGREGATION } from "@/lib/domain/checks/env-segregation";
import { GUARDRAIL_SCP_BASELINE } from "@/lib/domain/checks/guardrail-scp-baseline";
import { IAM_CROSS_ACCOUNT_TRUST } from "@/lib/domain/checks/iam-cross-account-trust";
import { IAM_LATERAL_ADMIN_TRUST } from "@/lib/domain/checks/iam-lateral-admin-trust";
import { LOG_ARCHIVE_BUCKET_POLICY } from "@/lib/domain/checks/log-archive-bucket-policy";
import { ORG_ACCOUNT_AT_ROOT } from "@/lib/domain/checks/org-account-at-root";
import type { TEventChange } from "@/lib/domain/events/interpret-event";

export interface TAccountEvent {
  accountId: string;
  at: Date;
  /** It set the account up (joined, moved): the last one before a clean first audit dates it. */
  setup: boolean;
  /** Findings of the account it can close: by check, and the end of their resource ("" any). */
  closes: readonly { checkId: string; resourceEndsWith: string }[];
}

/** Findings an account's placement decides: a move can close them. */
const PLACEMENT_CHECKS = [ORG_ACCOUNT_AT_ROOT, ENV_SEGREGATION, GUARDRAIL_SCP_BASELINE];

export function accountEventOf(change: TEventChange, at: Date): TAccountEvent | null {
  switch (change.kind) {
    case "account-joined":
      return { accountId: change.accountId, at, setup: true, closes: [] };
    case "account-moved":
      return {
        accountId: change.accountId,
        at,
        setup: true,
        closes: PLACEMENT_CHECKS.map((checkId) => ({ checkId, resourceEndsWith: "" })),
      };
    case "bucket-policy":
      return {
        accountId: change.accountId,
        at,
        setup: false,
        closes: [{ checkId: LOG_ARCHIVE_BUCKET_POLICY, resourceEndsWith: `s3://${change.bucket}` }],
      };
    case "role-trust":
      return {
        accountId: change.accountId,
        at,
        setup: false,
        closes: [IAM_CROSS_ACCOUNT_TRUST, IAM_LATERAL_ADMIN_TRUST].map((checkId) => ({
          checkId,
          resourceEndsWith: `/${change.roleName}`,
        })),
      };
    default:
      return null;
  }
}
