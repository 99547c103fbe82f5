// Fixed identifiers. The structural ids and every account that carries a planted violation
// are constants — independent of seed and org size — so DEMO_VIOLATIONS can be a plain
// constant that tests and check authors match against. Seeded accounts get random ids.

export const DOMAIN = "acme.example";
export const ORG_ID = "o-7k2m9x4q1z";
export const ROOT_ID = "r-k3x9";

export const OU_IDS = {
  security: "ou-k3x9-5c8q2w1e",
  infrastructure: "ou-k3x9-9v4t7n3m",
  workloads: "ou-k3x9-2h6j8d4s",
  prod: "ou-k3x9-7p1r5x9a",
  sdlc: "ou-k3x9-3b8y6k2u",
  sandbox: "ou-k3x9-6f4g1z7w",
  suspended: "ou-k3x9-8m3n5q9c",
  policyStaging: "ou-k3x9-4t2v8l6h",
} as const;

/** Every account the demo always generates, whatever the seed and size. */
export const ACCOUNTS = {
  management: "204517733186",
  logArchive: "318224097561",
  securityTooling: "427713350942",
  identity: "539160284417",
  sharedNetwork: "641508872233",
  sharedServices: "752894410635",
  legacyAtRoot: "863370129548",
  policyStagingCanary: "974112583306",
  suspendedCheckout: "185529730461",
  suspendedMarketing: "296643118270",
  suspendedOutside: "307795541182",
  paymentsProd: "418806652093",
  paymentsDev: "529917763104",
  paymentsTest: "631028874215",
  identityPlatformProd: "742139985326",
  identityPlatformDev: "853241096437",
  identityPlatformTest: "964352107548",
  dataProd: "175463218659",
  dataDev: "286574329760",
  dataTest: "397685430871",
  mobileProd: "408796541982",
  mobileDev: "519807653093",
  mobileTest: "620918764104",
} as const;

/** The same accounts by name. */
export const FIXED_ACCOUNT_IDS: Readonly<Record<string, string>> = {
  "acme-management": ACCOUNTS.management,
  "log-archive": ACCOUNTS.logArchive,
  "security-tooling": ACCOUNTS.securityTooling,
  identity: ACCOUNTS.identity,
  "shared-network": ACCOUNTS.sharedNetwork,
  "shared-services": ACCOUNTS.sharedServices,
  "legacy-analytics": ACCOUNTS.legacyAtRoot,
  "policy-staging-canary": ACCOUNTS.policyStagingCanary,
  "checkout-legacy-prod": ACCOUNTS.suspendedCheckout,
  "marketing-archive-test": ACCOUNTS.suspendedMarketing,
  "mobile-legacy-dev": ACCOUNTS.suspendedOutside,
  "payments-prod": ACCOUNTS.paymentsProd,
  "payments-dev": ACCOUNTS.paymentsDev,
  "payments-test": ACCOUNTS.paymentsTest,
  "identity-platform-prod": ACCOUNTS.identityPlatformProd,
  "identity-platform-dev": ACCOUNTS.identityPlatformDev,
  "identity-platform-test": ACCOUNTS.identityPlatformTest,
  "data-prod": ACCOUNTS.dataProd,
  "data-dev": ACCOUNTS.dataDev,
  "data-test": ACCOUNTS.dataTest,
  "mobile-prod": ACCOUNTS.mobileProd,
  "mobile-dev": ACCOUNTS.mobileDev,
  "mobile-test": ACCOUNTS.mobileTest,
};

/** Accounts outside the organization that roles trust. */
export const OUTSIDE = {
  unknownPartner: "999988887777",
  monitoringVendor: "555566667777",
  vendorExternalId: "acme-4f1c9e7a2b",
} as const;

/** Where each planted violation lives (see violations.ts for the descriptions). */
export const PLANTED = {
  ciDeployUser: "ci-deploy",
  ciDeployOldKeyId: "AKIAXQ4BR7ZK2PLM3N5D",
  ciDeploySecondKeyId: "AKIAXQ4BR7ZKM8VT6W2C",
  breakGlassUser: "break-glass-admin",
  staleUser: "legacy-reporting",
  staleUserKeyId: "AKIAXQ4BR7ZKQ5HJ9E4F",
  untrustedRole: "partner-support-access",
  vendorRole: "monitoring-vendor-integration",
  localTrailName: "mobile-prod-audit",
  localTrailBucket: `mobile-prod-cloudtrail-logs-${ACCOUNTS.mobileProd}`,
  orgTrailName: "acme-org-trail",
  orgTrailBucket: `acme-org-cloudtrail-${ACCOUNTS.logArchive}`,
  overBudgetName: "mobile-dev-monthly",
  /** Accounts whose byTag spend is routed to the untagged bucket (tags missing). */
  missingCostCenter: ACCOUNTS.identityPlatformTest,
  missingOwner: ACCOUNTS.dataTest,
  /** byTag "environment" carries both prod and dev. */
  mixedEnvironment: ACCOUNTS.dataDev,
  securityHubDisabled: ACCOUNTS.identityPlatformDev,
  securityHubCritical: ACCOUNTS.paymentsProd,
  auditFailed: ACCOUNTS.paymentsTest,
  /** Config recorder stopped, EBS default encryption off, no IAM password policy. */
  baselineGap: ACCOUNTS.identityPlatformDev,
  /** Root user with an active access key and no MFA (IAM_ROOT_USER). */
  rootKeyAccount: ACCOUNTS.legacyAtRoot,
  /** GitHub Actions OIDC trust with no sub condition (IAM_CROSS_ACCOUNT_TRUST), in mobile-prod. */
  openOidcRole: "github-actions-deploy",
  /** AdministratorAccess in data-prod assumable from data-dev (IAM_LATERAL_ADMIN_TRUST). */
  lateralAdminRole: "data-dev-admin-bridge",
} as const;

export const AUDIT_FAILED_ERROR =
  "AccessDenied: not authorized to perform sts:AssumeRole on OrganizationAccountAccessRole";

export function iamArn(accountId: string, kind: "user" | "role" | "root", name = ""): string {
  return kind === "root"
    ? `arn:aws:iam::${accountId}:root`
    : `arn:aws:iam::${accountId}:${kind}/${name}`;
}

export function trailArn(accountId: string, name: string): string {
  return `arn:aws:cloudtrail:us-east-1:${accountId}:trail/${name}`;
}
