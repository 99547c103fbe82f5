// The deliberate violations planted in every demo snapshot, whatever the seed and size. Each
// check should report each of its entries exactly once and nothing else: the rest of the demo
// org is kept clean for every check listed here. `resource` is the most specific identifier:
// an ARN for IAM principals and trails, an access key id for keys, an OU id for OUs, a budget
// name for budgets, and the account id for account-level findings.
import { ACCOUNTS, iamArn, OU_IDS, PLANTED, trailArn } from "./ids";

export interface DemoViolation {
  checkId: string;
  accountId: string | null;
  resource: string;
  description: string;
}

export const DEMO_VIOLATIONS: readonly DemoViolation[] = [
  {
    checkId: "IAM_LOCAL_USERS",
    accountId: ACCOUNTS.paymentsDev,
    resource: iamArn(ACCOUNTS.paymentsDev, "user", PLANTED.ciDeployUser),
    description: "IAM user ci-deploy in payments-dev (access keys only, no console password)",
  },
  {
    checkId: "IAM_LOCAL_USERS",
    accountId: ACCOUNTS.dataProd,
    resource: iamArn(ACCOUNTS.dataProd, "user", PLANTED.breakGlassUser),
    description:
      "IAM user break-glass-admin in data-prod with a console password (MFA on, used 20 days ago)",
  },
  {
    checkId: "IAM_LOCAL_USERS",
    accountId: ACCOUNTS.mobileTest,
    resource: iamArn(ACCOUNTS.mobileTest, "user", PLANTED.staleUser),
    description:
      "IAM user legacy-reporting in mobile-test with a console password and one inactive key",
  },
  {
    checkId: "IAM_LONG_LIVED_KEYS",
    accountId: ACCOUNTS.paymentsDev,
    resource: PLANTED.ciDeployOldKeyId,
    description: "ci-deploy key slot 1: active, last rotated 400 days ago, last used 45 days ago",
  },
  {
    checkId: "IAM_LONG_LIVED_KEYS",
    accountId: ACCOUNTS.paymentsDev,
    resource: PLANTED.ciDeploySecondKeyId,
    description: "ci-deploy key slot 2: active and used yesterday, but last rotated 200 days ago",
  },
  {
    checkId: "IAM_STALE_USERS",
    accountId: ACCOUNTS.mobileTest,
    resource: iamArn(ACCOUNTS.mobileTest, "user", PLANTED.staleUser),
    description:
      "legacy-reporting: created 700 days ago, password last used 300 days ago, its only key last used 200 days ago",
  },
  {
    checkId: "IAM_ROOT_USER",
    accountId: ACCOUNTS.legacyAtRoot,
    resource: iamArn(ACCOUNTS.legacyAtRoot, "root"),
    description:
      "The root user of legacy-analytics (invited) still has an active access key, used 12 days ago, and no MFA",
  },
  {
    checkId: "ORG_ACCOUNT_AT_ROOT",
    accountId: ACCOUNTS.legacyAtRoot,
    resource: ACCOUNTS.legacyAtRoot,
    description: "legacy-analytics, an invited member account, sits directly under the root",
  },
  {
    checkId: "MGMT_ACCOUNT_WORKLOADS",
    accountId: ACCOUNTS.management,
    resource: ACCOUNTS.management,
    description:
      "The management account runs a reporting stack: EC2 compute (~$2,400/month, never below ~$1,800) and RDS (~$1,200/month, never below ~$900) in every closed month",
  },
  {
    checkId: "IAM_CROSS_ACCOUNT_TRUST",
    accountId: ACCOUNTS.identityPlatformProd,
    resource: iamArn(ACCOUNTS.identityPlatformProd, "role", PLANTED.untrustedRole),
    description:
      "Role partner-support-access in identity-platform-prod trusts arn:aws:iam::999988887777:root (outside the org) with no sts:ExternalId or aws:PrincipalOrgID condition",
  },
  {
    checkId: "IAM_CROSS_ACCOUNT_TRUST",
    accountId: ACCOUNTS.mobileProd,
    resource: iamArn(ACCOUNTS.mobileProd, "role", PLANTED.openOidcRole),
    description:
      "Role github-actions-deploy in mobile-prod trusts GitHub Actions' OIDC issuer with an aud condition only: any repository on GitHub can assume it",
  },
  {
    checkId: "IAM_LATERAL_ADMIN_TRUST",
    accountId: ACCOUNTS.dataProd,
    resource: iamArn(ACCOUNTS.dataProd, "role", PLANTED.lateralAdminRole),
    description:
      "Role data-dev-admin-bridge in data-prod has AdministratorAccess and trusts data-dev",
  },
  {
    checkId: "ENV_SEGREGATION",
    accountId: ACCOUNTS.dataDev,
    resource: ACCOUNTS.dataDev,
    description:
      "data-dev spend carries environment=dev (~50%) and environment=prod (~45%) in every month",
  },
  {
    checkId: "LOG_ARCHIVE_ACCOUNT",
    accountId: ACCOUNTS.mobileProd,
    resource: trailArn(ACCOUNTS.mobileProd, PLANTED.localTrailName),
    description: `Account trail mobile-prod-audit in mobile-prod writes to bucket ${PLANTED.localTrailBucket}, owned by mobile-prod (not log-archive) and without Object Lock`,
  },
  {
    checkId: "GUARDRAIL_SCP_BASELINE",
    accountId: null,
    resource: OU_IDS.sandbox,
    description:
      "The Sandbox OU (and so every account in it) lacks the baseline SCP's deny of iam:CreateUser and iam:CreateAccessKey",
  },
  {
    checkId: "TAG_POLICY",
    accountId: ACCOUNTS.identityPlatformTest,
    resource: ACCOUNTS.identityPlatformTest,
    description: "identity-platform-test has no cost-center tag; ~80% of its spend is untagged",
  },
  {
    checkId: "TAG_POLICY",
    accountId: ACCOUNTS.dataTest,
    resource: ACCOUNTS.dataTest,
    description: "data-test has no owner tag; ~80% of its spend is untagged",
  },
  {
    checkId: "TAG_POLICY",
    accountId: null,
    resource: OU_IDS.sandbox,
    description:
      "The Sandbox OU's own tag policy removes the root's cost-center enforcement: its effective tag policy no longer requires cost-center",
  },
  {
    checkId: "BUDGET_VARIANCE",
    accountId: ACCOUNTS.mobileDev,
    resource: PLANTED.overBudgetName,
    description:
      "Budget mobile-dev-monthly: limit is ~45% of the month's forecast (month-to-date actual passes it around mid-month)",
  },
  {
    checkId: "SECURITYHUB_COVERAGE",
    accountId: ACCOUNTS.identityPlatformDev,
    resource: ACCOUNTS.identityPlatformDev,
    description: "Security Hub is not enabled in identity-platform-dev",
  },
  {
    checkId: "SECURITYHUB_COVERAGE",
    accountId: ACCOUNTS.paymentsProd,
    resource: ACCOUNTS.paymentsProd,
    description: "payments-prod has 3 active critical Security Hub findings",
  },
  {
    checkId: "ACCOUNT_BASELINE",
    accountId: ACCOUNTS.identityPlatformDev,
    resource: "",
    description:
      "identity-platform-dev skipped the account baseline: Config recorder stopped, EBS default encryption off, no IAM password policy",
  },
  {
    checkId: "ORG_ACCOUNT_OUTSIDE",
    accountId: ACCOUNTS.suspendedOutside,
    resource: ACCOUNTS.suspendedOutside,
    description:
      "mobile-legacy-dev is SUSPENDED but still placed in Workloads/SDLC, not the Suspended OU",
  },
];
