// IAM evidence of one account: users and their keys (credential report, merged with the current
// user list and key status, since a report may be up to four hours old) and roles with trust
// policies (URL-decoded, as IAM returns them encoded), attached and inline policies, and the documents of
// the attached customer managed policies.
import pLimit from "p-limit";
import {
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListAccessKeys,
  type AccessKeyMetadata,
  type IAMClient,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from "@aws-sdk/client-iam";
import {
  ZPolicyDocument,
  type TIamRole,
  type TIamUser,
  type TIdentityProvider,
  type TPolicyDocument,
  type TRootUser,
} from "@/lib/domain/snapshot";
import {
  fetchCredentialReport,
  reportDate,
  type ReportOptions,
  type ReportRow,
} from "./credential-report";

export function parsePolicyDocument(text: string | undefined): TPolicyDocument {
  if (!text) return { Statement: [] };
  const json = text.trimStart().startsWith("{") ? text : decodeURIComponent(text);
  return ZPolicyDocument.parse(JSON.parse(json));
}

/** Default-version documents of the account's customer managed policies, by ARN. */
export function managedPolicyDocuments(
  policies: readonly ManagedPolicyDetail[],
): Map<string, TPolicyDocument> {
  const out = new Map<string, TPolicyDocument>();
  for (const p of policies) {
    const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion);
    if (p.Arn && version?.Document) out.set(p.Arn, parsePolicyDocument(version.Document));
  }
  return out;
}

export function toRole(
  r: RoleDetail,
  fallbackDate: Date,
  managed: ReadonlyMap<string, TPolicyDocument> = new Map(),
): TIamRole {
  const attachedPolicyArns = (r.AttachedManagedPolicies ?? []).flatMap((p) =>
    p.PolicyArn ? [p.PolicyArn] : [],
  );
  return {
    roleName: r.RoleName ?? "",
    arn: r.Arn ?? "",
    path: r.Path ?? "/",
    createdAt: (r.CreateDate ?? fallbackDate).toISOString(),
    trustPolicy: parsePolicyDocument(r.AssumeRolePolicyDocument),
    attachedPolicyArns,
    inlinePolicies: (r.RolePolicyList ?? []).map((p) => ({
      name: p.PolicyName ?? "",
      document: parsePolicyDocument(p.PolicyDocument),
    })),
    managedPolicies: attachedPolicyArns.flatMap((arn) => {
      const document = managed.get(arn);
      return document ? [{ arn, document }] : [];
    }),
  };
}

function sameSecond(a: Date | undefined, iso: string | null): boolean {
  return Boolean(
    a && iso && Math.floor(a.getTime() / 1000) === Math.floor(new Date(iso).getTime() / 1000),
  );
}

/** Report slots 1/2 are matched to the listed keys by creation time ("last rotated"), else by order. */
export function toAccessKeys(
  keys: AccessKeyMetadata[],
  row: ReportRow | undefined,
): TIamUser["accessKeys"] {
  const sorted = keys.toSorted(
    (a, b) => (a.CreateDate?.getTime() ?? 0) - (b.CreateDate?.getTime() ?? 0),
  );
  return sorted.map((k, i) => {
    const slot =
      [1, 2].find((s) =>
        sameSecond(k.CreateDate, reportDate(row?.[`access_key_${s}_last_rotated`])),
      ) ?? i + 1;
    return {
      keyId: k.AccessKeyId ?? null,
      slot,
      active: k.Status === "Active",
      lastRotated:
        k.CreateDate?.toISOString() ?? reportDate(row?.[`access_key_${slot}_last_rotated`]),
      lastUsed: reportDate(row?.[`access_key_${slot}_last_used_date`]),
    };
  });
}

export function toUser(
  u: UserDetail,
  row: ReportRow | undefined,
  keys: AccessKeyMetadata[],
  fallbackDate: Date,
): TIamUser {
  return {
    userName: u.UserName ?? "",
    arn: u.Arn ?? "",
    createdAt: (u.CreateDate ?? fallbackDate).toISOString(),
    passwordEnabled: row?.password_enabled === "true",
    passwordLastUsed: reportDate(row?.password_last_used),
    mfaActive: row?.mfa_active === "true",
    accessKeys: toAccessKeys(keys, row),
  };
}

/** The root row: root's keys are known only by slot, and its password state is "not_supported". */
export function toRootUser(row: ReportRow | null): TRootUser | null {
  if (!row) return null;
  const accessKeys = [1, 2].flatMap((slot) => {
    const active = row[`access_key_${slot}_active`] === "true";
    const lastRotated = reportDate(row[`access_key_${slot}_last_rotated`]);
    return active || lastRotated
      ? [
          {
            keyId: null,
            slot,
            active,
            lastRotated,
            lastUsed: reportDate(row[`access_key_${slot}_last_used_date`]),
          },
        ]
      : [];
  });
  return {
    arn: row.arn ?? "",
    mfaActive: row.mfa_active === "true",
    passwordLastUsed: reportDate(row.password_last_used),
    accessKeys,
  };
}

export interface IamEvidence {
  users: TIamUser[];
  roles: TIamRole[];
  root: TRootUser | null;
}

/** ListAccessKeys calls of one account in flight at once. */
const USER_KEY_READS = 4;

async function readAuthorizationDetails(iam: IAMClient): Promise<{
  users: UserDetail[];
  roles: RoleDetail[];
  policies: ManagedPolicyDetail[];
}> {
  const users: UserDetail[] = [];
  const roles: RoleDetail[] = [];
  const policies: ManagedPolicyDetail[] = [];
  // Customer managed policies too: whether a role is administrator depends on their documents.
  for await (const page of paginateGetAccountAuthorizationDetails(
    { client: iam },
    { Filter: ["User", "Role", "LocalManagedPolicy"] },
  )) {
    users.push(...(page.UserDetailList ?? []));
    roles.push(...(page.RoleDetailList ?? []));
    policies.push(...(page.Policies ?? []));
  }
  return { users, roles, policies };
}

/** Each user's access keys, in the users' order: a few lists in flight at once (an account may have hundreds of users). */
async function listUserKeys(
  iam: IAMClient,
  users: readonly UserDetail[],
): Promise<AccessKeyMetadata[][]> {
  const limit = pLimit(USER_KEY_READS);
  const reads = users.map((u) =>
    limit(async () => {
      const keys: AccessKeyMetadata[] = [];
      for await (const page of paginateListAccessKeys({ client: iam }, { UserName: u.UserName }))
        keys.push(...(page.AccessKeyMetadata ?? []));
      return keys;
    }),
  );
  // Every list settles before a failure is raised (the first in the users' order).
  await Promise.allSettled(reads);
  return Promise.all(reads);
}

export async function readIam(
  iam: IAMClient,
  now: Date,
  report: ReportOptions = {},
): Promise<IamEvidence> {
  // The credential report (generate, poll, get) does not depend on the details or the keys: the
  // two chains go at once.
  const reportRead = fetchCredentialReport(iam, report);
  const detailsRead = readAuthorizationDetails(iam).then(async (details) => ({
    ...details,
    keyLists: await listUserKeys(iam, details.users),
  }));
  await Promise.allSettled([reportRead, detailsRead]);
  const { users, roles, policies, keyLists } = await detailsRead;
  // Read even without IAM users: the root user's row is in it.
  const { users: rows, root } = await reportRead;
  const out = users.map((u, i) =>
    toUser(u, u.UserName ? rows.get(u.UserName) : undefined, keyLists[i] ?? [], now),
  );
  const managed = managedPolicyDocuments(policies);
  return { users: out, roles: roles.map((r) => toRole(r, now, managed)), root: toRootUser(root) };
}

/** The account's IAM identity providers: how people (SAML, OIDC) or workloads (OIDC: CI, clusters) federate into it. */
export async function readIdentityProviders(iam: IAMClient): Promise<TIdentityProvider[]> {
  const { SAMLProviderList = [] } = await iam.send(new ListSAMLProvidersCommand({}));
  const { OpenIDConnectProviderList = [] } = await iam.send(
    new ListOpenIDConnectProvidersCommand({}),
  );
  const nameIn = (arn: string, kind: string) =>
    arn.slice(arn.indexOf(`:${kind}/`) + kind.length + 2);
  return [
    ...SAMLProviderList.flatMap((p) =>
      p.Arn ? [{ arn: p.Arn, type: "SAML" as const, name: nameIn(p.Arn, "saml-provider") }] : [],
    ),
    ...OpenIDConnectProviderList.flatMap((p) =>
      p.Arn ? [{ arn: p.Arn, type: "OIDC" as const, name: nameIn(p.Arn, "oidc-provider") }] : [],
    ),
  ];
}
