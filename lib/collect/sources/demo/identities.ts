// IAM evidence per account: the roles every landing-zone account has, workload roles, and the
// planted IAM users and cross-account trusts.
//
// Trust relationships are all inside the org (management, security-tooling, shared-services),
// federated through Identity Center's SAML provider, or to AWS services — except the planted
// partner-support-access role (IAM_CROSS_ACCOUNT_TRUST). The monitoring vendor's role trusts an
// outside account too but requires sts:ExternalId, so it is not a violation.
import type { AccountSpec } from "./spec";
import type { IamRoleInput } from "./types";
import type { Rng } from "./rng";
import { ACCOUNTS, iamArn, ORG_ID, OUTSIDE, PLANTED } from "./ids";
import { DAY_MS, iso } from "./time";

type Statement = Record<string, unknown>;

const AWS_POLICY = "arn:aws:iam::aws:policy/";
const SSO_PATH = "/aws-reserved/sso.amazonaws.com/";

function role(
  accountId: string,
  roleName: string,
  createdAt: number,
  trust: Statement[],
  attached: string[],
  path = "/",
): IamRoleInput {
  return {
    roleName,
    arn: `arn:aws:iam::${accountId}:role${path}${roleName}`,
    path,
    createdAt: iso(createdAt),
    trustPolicy: { Version: "2012-10-17", Statement: trust },
    attachedPolicyArns: attached,
    inlinePolicies: [],
  };
}

const assumeBy = (principal: Statement, condition?: Statement): Statement => ({
  Effect: "Allow",
  Principal: principal,
  Action: "sts:AssumeRole",
  ...(condition ? { Condition: condition } : {}),
});
const service = (principal: string): Statement[] => [assumeBy({ Service: principal })];

// [role name suffix, service principal, managed policy]
const SERVICE_LINKED: readonly [string, string, string][] = [
  ["SecurityHub", "securityhub.amazonaws.com", "AWSSecurityHubServiceRolePolicy"],
  ["AmazonGuardDuty", "guardduty.amazonaws.com", "AmazonGuardDutyServiceRolePolicy"],
  ["Config", "config.amazonaws.com", "AWSConfigServiceRolePolicy"],
  ["SSO", "sso.amazonaws.com", "AWSSSOServiceRolePolicy"],
  ["Support", "support.amazonaws.com", "AWSSupportServiceRolePolicy"],
  ["TrustedAdvisor", "trustedadvisor.amazonaws.com", "AWSTrustedAdvisorServiceRolePolicy"],
];

export function buildRoles(spec: AccountSpec, rng: Rng, now: number): IamRoleInput[] {
  const id = spec.id;
  // Roles appear after the account joined, but never after the snapshot was taken.
  const after = (ms: number): number => Math.min(spec.joinedAt + ms, now - 3_600_000);
  const roles: IamRoleInput[] = [];
  const isManagement = id === ACCOUNTS.management;

  if (!isManagement) {
    roles.push(
      role(
        id,
        "OrganizationAccountAccessRole",
        after(60_000),
        [assumeBy({ AWS: iamArn(ACCOUNTS.management, "root") })],
        [`${AWS_POLICY}AdministratorAccess`],
      ),
    );
  }

  // Identity Center permission sets, provisioned as roles trusting the account's SAML provider.
  const samlProvider = `arn:aws:iam::${id}:saml-provider/AWSSSO_${rng.hex(16)}_DO_NOT_DELETE`;
  const ssoTrust = (): Statement[] => [
    {
      Effect: "Allow",
      Principal: { Federated: samlProvider },
      Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
      Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
    },
  ];
  const permissionSets: [string, string][] = [
    ["AdministratorAccess", "AdministratorAccess"],
    ["ReadOnlyAccess", "ReadOnlyAccess"],
  ];
  if (spec.role === "workload" || spec.role === "sandbox")
    permissionSets.push(["DeveloperAccess", "PowerUserAccess"]);
  if (isManagement) permissionSets.push(["BillingAccess", "job-function/Billing"]);
  for (const [name, policy] of permissionSets) {
    roles.push(
      role(
        id,
        `AWSReservedSSO_${name}_${rng.hex(16)}`,
        after(rng.int(2, 30) * DAY_MS),
        ssoTrust(),
        [`${AWS_POLICY}${policy}`],
        SSO_PATH,
      ),
    );
  }

  for (const [suffix, principal, policy] of SERVICE_LINKED) {
    if (suffix === "SecurityHub" && id === PLANTED.securityHubDisabled) continue;
    roles.push(
      role(
        id,
        `AWSServiceRoleFor${suffix}`,
        after(rng.int(1, 20) * DAY_MS),
        service(principal),
        [`${AWS_POLICY}aws-service-role/${policy}`],
        `/aws-service-role/${principal}/`,
      ),
    );
  }

  if (id !== ACCOUNTS.securityTooling) {
    const auditor = assumeBy(
      { AWS: iamArn(ACCOUNTS.securityTooling, "root") },
      { StringEquals: { "aws:PrincipalOrgID": ORG_ID } },
    );
    roles.push(
      role(id, "security-audit", after(DAY_MS), [auditor], [`${AWS_POLICY}SecurityAudit`]),
    );
  }

  if (isManagement) {
    const orgs = "organizations.amazonaws.com";
    roles.push(
      role(
        id,
        "AWSServiceRoleForOrganizations",
        after(0),
        service(orgs),
        [`${AWS_POLICY}aws-service-role/AWSOrganizationsServiceTrustPolicy`],
        `/aws-service-role/${orgs}/`,
      ),
    );
    // The old reporting stack behind the planted MGMT_ACCOUNT_WORKLOADS.
    roles.push(
      role(id, "reporting-ec2-instance", after(200 * DAY_MS), service("ec2.amazonaws.com"), [
        `${AWS_POLICY}AmazonSSMManagedInstanceCore`,
      ]),
    );
  }
  if (spec.role === "shared-services") {
    roles.push(
      role(id, "cicd-pipeline", after(5 * DAY_MS), service("codepipeline.amazonaws.com"), [
        `arn:aws:iam::${id}:policy/cicd-pipeline`,
      ]),
    );
  }
  if (spec.role === "workload") {
    const pipeline = iamArn(ACCOUNTS.sharedServices, "role", "cicd-pipeline");
    roles.push(
      role(
        id,
        "cicd-deployer",
        after(2 * DAY_MS),
        [assumeBy({ AWS: pipeline })],
        [`arn:aws:iam::${id}:policy/cicd-deploy`],
      ),
    );
    roles.push(
      role(
        id,
        `${spec.project}-lambda-exec`,
        after(rng.int(5, 90) * DAY_MS),
        service("lambda.amazonaws.com"),
        [`${AWS_POLICY}service-role/AWSLambdaBasicExecutionRole`],
      ),
    );
    roles.push(
      role(
        id,
        `${spec.project}-ec2-instance`,
        after(rng.int(5, 90) * DAY_MS),
        service("ec2.amazonaws.com"),
        [`${AWS_POLICY}AmazonSSMManagedInstanceCore`],
      ),
    );
    if (rng.chance(0.5)) {
      roles.push(
        role(
          id,
          "ecsTaskExecutionRole",
          after(rng.int(5, 200) * DAY_MS),
          service("ecs-tasks.amazonaws.com"),
          [`${AWS_POLICY}service-role/AmazonECSTaskExecutionRolePolicy`],
        ),
      );
    }
  }
  if (id === ACCOUNTS.paymentsProd) {
    const vendor = assumeBy(
      { AWS: iamArn(OUTSIDE.monitoringVendor, "root") },
      { StringEquals: { "sts:ExternalId": OUTSIDE.vendorExternalId } },
    );
    roles.push(
      role(id, PLANTED.vendorRole, after(400 * DAY_MS), [vendor], [`${AWS_POLICY}ReadOnlyAccess`]),
    );
  }
  // GitHub Actions deploys through OIDC. The planted IAM_CROSS_ACCOUNT_TRUST: mobile-prod's role checks
  // only the audience, so any repository on GitHub can assume it; payments-prod's look-alike pins the
  // subject to its repository's main branch.
  const github = `arn:aws:iam::${id}:oidc-provider/token.actions.githubusercontent.com`;
  const githubTrust = (sub?: string): Statement[] => [
    {
      Effect: "Allow",
      Principal: { Federated: github },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          ...(sub ? { "token.actions.githubusercontent.com:sub": sub } : {}),
        },
      },
    },
  ];
  if (id === ACCOUNTS.mobileProd) {
    roles.push(
      role(id, PLANTED.openOidcRole, after(300 * DAY_MS), githubTrust(), [
        `arn:aws:iam::${id}:policy/mobile-deploy`,
      ]),
    );
  }
  if (id === ACCOUNTS.paymentsProd) {
    roles.push(
      role(
        id,
        "github-actions-release",
        after(300 * DAY_MS),
        githubTrust("repo:acme/payments:ref:refs/heads/main"),
        [`arn:aws:iam::${id}:policy/payments-deploy`],
      ),
    );
  }
  // The planted IAM_LATERAL_ADMIN_TRUST: data-dev can assume an administrator role in data-prod.
  if (id === ACCOUNTS.dataProd) {
    roles.push(
      role(
        id,
        PLANTED.lateralAdminRole,
        after(500 * DAY_MS),
        [assumeBy({ AWS: iamArn(ACCOUNTS.dataDev, "root") })],
        [`${AWS_POLICY}AdministratorAccess`],
      ),
    );
  }
  if (id === ACCOUNTS.identityPlatformProd) {
    roles.push(
      role(
        id,
        PLANTED.untrustedRole,
        after(700 * DAY_MS),
        [assumeBy({ AWS: iamArn(OUTSIDE.unknownPartner, "root") })],
        [`${AWS_POLICY}ReadOnlyAccess`],
      ),
    );
  }
  return roles;
}
