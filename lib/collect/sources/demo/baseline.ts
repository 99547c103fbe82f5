// The account baseline as the AWS source reads it in each account (us-east-1 plus the account-wide
// controls), and GuardDuty's organization configuration read in the delegated administrator.
// Planted: identity-platform-dev was set up by hand and skipped the baseline. Look-alikes that must
// not be flagged: the canary account's detector is not visible yet but the administrator auto-enables
// GuardDuty for all members, and shared-network's role may not read the Config recorder (unknown).
import type { TBaselineControl, TGuardDutyOrganization } from "@/lib/domain/snapshot";
import { ACCOUNTS, PLANTED } from "./ids";

const REGION = "us-east-1";

export function buildGuardDutyOrganization(): TGuardDutyOrganization[] {
  return [{ adminAccountId: ACCOUNTS.securityTooling, region: REGION, autoEnable: "ALL" }];
}

export function buildBaseline(accountId: string): TBaselineControl[] {
  const gap = accountId === PLANTED.baselineGap;
  const guardDuty: TBaselineControl =
    accountId === ACCOUNTS.policyStagingCanary
      ? { control: "guardduty", region: REGION, status: "off", detail: "no detector" }
      : {
          control: "guardduty",
          region: REGION,
          status: "on",
          detail: `detector managed by administrator ${ACCOUNTS.securityTooling}`,
        };
  const config: TBaselineControl =
    accountId === ACCOUNTS.sharedNetwork
      ? {
          control: "config-recorder",
          region: REGION,
          status: "unknown",
          detail:
            "access denied: AccessDeniedException: not authorized to perform: config:DescribeConfigurationRecorderStatus",
        }
      : gap
        ? {
            control: "config-recorder",
            region: REGION,
            status: "off",
            detail: "recorder default stopped",
          }
        : {
            control: "config-recorder",
            region: REGION,
            status: "on",
            detail: "recorder default recording, last status SUCCESS",
          };
  return [
    guardDuty,
    config,
    gap
      ? {
          control: "ebs-default-encryption",
          region: REGION,
          status: "off",
          detail: "EBS encryption by default is off",
        }
      : {
          control: "ebs-default-encryption",
          region: REGION,
          status: "on",
          detail: "new EBS volumes are encrypted",
        },
    {
      control: "s3-account-public-access-block",
      region: null,
      status: "on",
      detail: "all four settings on",
    },
    gap
      ? {
          control: "iam-password-policy",
          region: null,
          status: "off",
          detail: "no password policy (IAM defaults apply)",
        }
      : {
          control: "iam-password-policy",
          region: null,
          status: "on",
          detail: "minimum length 14, max age 90 days",
        },
  ];
}
