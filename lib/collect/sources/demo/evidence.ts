// Per-account audit evidence (what the collector reads inside each account) and the trail
// buckets. One audit per ACTIVE account; suspended accounts cannot be assumed into.
import type { AccountSpec } from "./spec";
import type { CurrentSpend } from "./costs";
import type {
  AccountAuditInput,
  BucketInput,
  BudgetInput,
  IamRoleInput,
  TrailInput,
} from "./types";
import { ACCOUNTS, AUDIT_FAILED_ERROR, PLANTED, trailArn } from "./ids";
import { buildBaseline } from "./baseline";
import { buildRoles } from "./identities";
import { buildUsers } from "./users";
import { formatUnits, UNITS_PER_USD } from "./money";
import { Rng } from "./rng";
import { DAY_MS, iso } from "./time";

const FULL_PUBLIC_ACCESS_BLOCK = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

const ORG_TRAIL: TrailInput = {
  arn: trailArn(ACCOUNTS.management, PLANTED.orgTrailName),
  name: PLANTED.orgTrailName,
  homeRegion: "us-east-1",
  isOrganizationTrail: true,
  isMultiRegion: true,
  isLogging: true,
  includesManagementEvents: true,
  s3BucketName: PLANTED.orgTrailBucket,
};

// The planted LOG_ARCHIVE_ACCOUNT: a team-owned trail writing to its own, unlocked bucket.
const LOCAL_TRAIL: TrailInput = {
  arn: trailArn(ACCOUNTS.mobileProd, PLANTED.localTrailName),
  name: PLANTED.localTrailName,
  homeRegion: "us-east-1",
  isOrganizationTrail: false,
  isMultiRegion: false,
  isLogging: true,
  includesManagementEvents: true,
  s3BucketName: PLANTED.localTrailBucket,
};

export function buildBuckets(): BucketInput[] {
  return [
    {
      name: PLANTED.orgTrailBucket,
      ownerAccountId: ACCOUNTS.logArchive,
      objectLockEnabled: true,
      versioning: "Enabled",
      publicAccessBlock: { ...FULL_PUBLIC_ACCESS_BLOCK },
    },
    {
      name: PLANTED.localTrailBucket,
      ownerAccountId: ACCOUNTS.mobileProd,
      objectLockEnabled: false,
      versioning: "Enabled",
      publicAccessBlock: { ...FULL_PUBLIC_ACCESS_BLOCK },
    },
  ];
}

function trails(accountId: string): TrailInput[] {
  if (accountId === ACCOUNTS.management) return [{ ...ORG_TRAIL }];
  if (accountId === ACCOUNTS.mobileProd) return [{ ...LOCAL_TRAIL }];
  return [];
}

// As GetEnabledStandards answers in a member account: the foundational standard everywhere, CIS on most.
const FSBP =
  "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0";
const CIS = "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0";
// Every root user has MFA and no keys; the management account's root signed in for a billing task
// months ago. The planted IAM_ROOT_USER: the invited legacy-analytics account still has the root
// access key and no MFA from before it joined, and the key was used 12 days ago.
function rootUser(spec: AccountSpec, now: number): AccountAuditInput["rootUser"] {
  const arn = `arn:aws:iam::${spec.id}:root`;
  if (spec.id === PLANTED.rootKeyAccount) {
    return {
      arn,
      mfaActive: false,
      passwordLastUsed: iso(now - 400 * DAY_MS),
      accessKeys: [
        {
          keyId: null,
          slot: 1,
          active: true,
          lastRotated: iso(now - 1900 * DAY_MS),
          lastUsed: iso(now - 12 * DAY_MS),
        },
      ],
    };
  }
  const passwordLastUsed = spec.id === ACCOUNTS.management ? iso(now - 200 * DAY_MS) : null;
  return { arn, mfaActive: true, passwordLastUsed, accessKeys: [] };
}

// As IAM lists them: every provider a role trusts exists in the account (Identity Center's SAML
// provider everywhere, GitHub Actions' OIDC issuer where workloads deploy from GitHub).
function identityProvidersOf(
  roles: readonly IamRoleInput[],
): AccountAuditInput["identityProviders"] {
  const arns = new Set(
    roles.flatMap((r) =>
      (Array.isArray(r.trustPolicy.Statement)
        ? r.trustPolicy.Statement
        : [r.trustPolicy.Statement]
      ).flatMap((st) => {
        const principal = st.Principal;
        const federated =
          typeof principal === "object" && principal !== null && "Federated" in principal
            ? principal.Federated
            : undefined;
        return typeof federated === "string" ? [federated] : [];
      }),
    ),
  );
  return [...arns].map((arn) => {
    const saml = arn.includes(":saml-provider/");
    return {
      arn,
      type: saml ? "SAML" : "OIDC",
      name: arn.replace(/^.*:(saml|oidc)-provider\//, ""),
    };
  });
}

function securityHub(accountId: string, rng: Rng): AccountAuditInput["securityHub"] {
  if (accountId === PLANTED.securityHubDisabled)
    return { enabled: false, findings: { critical: 0, high: 0, medium: 0, low: 0 }, standards: [] };
  if (accountId === PLANTED.securityHubCritical)
    return {
      enabled: true,
      findings: { critical: 3, high: 7, medium: 18, low: 41 },
      standards: [FSBP],
    };
  return {
    enabled: true,
    findings: { critical: 0, high: rng.int(0, 3), medium: rng.int(0, 15), low: rng.int(2, 40) },
    // From the id, not the generator: drawing more numbers would shift every later random value.
    standards: Number(accountId.at(-1)) % 3 === 0 ? [FSBP] : [CIS, FSBP],
  };
}

const wantsBudget = (spec: AccountSpec, rng: Rng): boolean =>
  spec.id === ACCOUNTS.mobileDev ||
  spec.id === ACCOUNTS.paymentsProd ||
  spec.id === ACCOUNTS.dataProd ||
  spec.role === "shared-services" ||
  (spec.env === "prod" && spec.role === "workload" && rng.chance(0.35)) ||
  (spec.role === "sandbox" && rng.chance(0.5));

function budgets(spec: AccountSpec, spend: CurrentSpend | undefined, rng: Rng): BudgetInput[] {
  if (!wantsBudget(spec, rng) || !spend || spend.forecast <= 0) return [];
  const forecastUsd = spend.forecast / UNITS_PER_USD;
  // The planted BUDGET_VARIANCE: a dev budget set long ago that spend has long outgrown.
  const limitUsd =
    spec.id === ACCOUNTS.mobileDev
      ? Math.max(50, Math.round((forecastUsd * 0.45) / 50) * 50)
      : Math.max(100, Math.ceil((forecastUsd * rng.range(1.3, 1.8)) / 100) * 100);
  return [
    {
      name: `${spec.name}-monthly`,
      limit: `${limitUsd}.0`,
      timeUnit: "MONTHLY",
      actual: formatUnits(spend.actual),
      forecast: formatUnits(spend.forecast),
    },
  ];
}

function consoleLogins(spec: AccountSpec, rng: Rng): AccountAuditInput["consoleLogins"] {
  const busy =
    spec.env === "prod" ? 400 : spec.role === "sandbox" ? 30 : spec.env === "shared" ? 120 : 200;
  const byIdentityType: Record<string, number> = {
    AssumedRole: rng.int(Math.ceil(busy / 20), busy),
  };
  // break-glass-admin signed in 20 days ago.
  if (spec.id === ACCOUNTS.dataProd) byIdentityType.IAMUser = 1;
  return {
    windowDays: 30,
    byIdentityType,
    // ci-deploy's second key was used yesterday; every other workload uses role credentials.
    longTermKeysInUse: spec.id === ACCOUNTS.paymentsDev ? 1 : 0,
    temporaryKeysInUse: rng.int(3, spec.env === "sandbox" ? 12 : 180),
  };
}

export function buildAudits(
  specs: readonly AccountSpec[],
  seed: number,
  now: number,
  current: ReadonlyMap<string, CurrentSpend>,
  opts: { failedAudit: boolean } = { failedAudit: true },
): AccountAuditInput[] {
  const audits: AccountAuditInput[] = [];
  for (const spec of specs) {
    if (spec.status !== "ACTIVE") continue;
    if (opts.failedAudit && spec.id === PLANTED.auditFailed) {
      audits.push({ accountId: spec.id, status: "failed", error: AUDIT_FAILED_ERROR });
      continue;
    }
    const rng = new Rng(seed, `audit:${spec.id}`);
    const roles = buildRoles(spec, rng, now);
    audits.push({
      accountId: spec.id,
      status: "audited",
      error: null,
      iamUsers: buildUsers(spec.id, now),
      rootUser: rootUser(spec, now),
      roles,
      identityProviders: identityProvidersOf(roles),
      trails: trails(spec.id),
      securityHub: securityHub(spec.id, rng),
      identityCenterInstances:
        spec.id === ACCOUNTS.management
          ? [
              {
                instanceArn: "arn:aws:sso:::instance/ssoins-72236a5f3c9e1b84",
                identityStoreId: "d-9067c4a2f1",
              },
            ]
          : [],
      budgets: budgets(spec, current.get(spec.id), rng),
      consoleLogins: consoleLogins(spec, rng),
      baseline: buildBaseline(spec.id),
    });
  }
  return audits;
}
