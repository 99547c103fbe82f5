// Which conditions of a trust policy actually keep strangers out. A condition guards only when it
// binds (a positive match that fails when the key is absent: no …IfExists, no negation) and names
// this organization, its paths or its accounts; an OIDC trust needs its issuer's subject (or, for
// the public identity providers, the audience) pinned, or anyone that issuer signs for gets in.
import {
  conditionEntries,
  isBindingMatch,
  principalsOf,
  statementCoversAction,
  type TConditionEntry,
  type TStatement,
} from "./policy-grammar";

export interface TOrgTrustContext {
  /** This organization's id (o-…); null when unknown, and then no org condition can be verified. */
  orgId: string | null;
  accountIds: ReadonlySet<string>;
}

const hasWildcard = (v: string) => /[*?]/.test(v);
const literalPrefix = (v: string) => v.split(/[*?]/)[0] ?? "";

/** Accounts a binding condition limits callers to: null when the entry does not limit them to known accounts. */
function accountsOfEntry(
  e: TConditionEntry,
  ctx: TOrgTrustContext,
): ReadonlySet<string> | "org" | null {
  if (!isBindingMatch(e) || !e.values.length) return null;
  const inOrg = (id: string | null) => id !== null && ctx.accountIds.has(id);
  switch (e.key) {
    case "aws:principalorgid":
    case "aws:sourceorgid":
      return ctx.orgId && e.values.every((v) => v.toLowerCase() === ctx.orgId?.toLowerCase())
        ? "org"
        : null;
    case "aws:principalorgpaths":
    case "aws:sourceorgpaths":
      return ctx.orgId &&
        e.values.every((v) =>
          literalPrefix(v).toLowerCase().startsWith(`${ctx.orgId?.toLowerCase()}/`),
        )
        ? "org"
        : null;
    case "aws:principalaccount":
    case "aws:sourceaccount":
      return e.values.every((v) => !hasWildcard(v) && inOrg(v)) ? new Set(e.values) : null;
    case "aws:principalarn":
    case "aws:sourcearn": {
      const accounts = e.values.map(
        (v) => /^arn:[^:*?]+:[^:]*:[^:]*:(\d{12}):/.exec(v)?.[1] ?? null,
      );
      return accounts.every(inOrg) ? new Set(accounts.flatMap((a) => (a ? [a] : []))) : null;
    }
    default:
      return null;
  }
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

/**
 * The organization accounts a statement's conditions limit callers to ("org": any of them), or null
 * when no condition limits callers to this organization.
 */
export function orgLimit(s: TStatement, ctx: TOrgTrustContext): ReadonlySet<string> | "org" | null {
  let org = false;
  let accounts: Set<string> | null = null;
  for (const e of conditionEntries(s)) {
    const here = accountsOfEntry(e, ctx);
    if (here === null) continue;
    // Keys are ANDed: the narrowest one holds.
    if (here === "org") org = true;
    else accounts = accounts === null ? new Set(here) : intersect(accounts, here);
  }
  return accounts ?? (org ? "org" : null);
}

export function hasExternalId(s: TStatement): boolean {
  return conditionEntries(s).some(
    (e) =>
      e.key === "sts:externalid" &&
      isBindingMatch(e) &&
      e.values.length > 0 &&
      e.values.every((v) => v !== "" && v !== "*"),
  );
}

/**
 * A policy-wide Deny of everyone outside the organization: Deny, any principal, a negated org
 * condition that also applies when the key is missing (StringNotEquals, not …IfExists).
 */
export function deniesOutsideOrg(
  statements: readonly TStatement[],
  action: string,
  ctx: TOrgTrustContext,
): boolean {
  return statements.some((s) => {
    if (
      s.Effect !== "Deny" ||
      !statementCoversAction(s, action) ||
      !principalsOf(s.Principal).anyone
    )
      return false;
    return conditionEntries(s).some((e) => {
      if (!e.negated || e.ifExists || !e.values.length) return false;
      const positive = { ...e, negated: false, operator: e.operator.replace(/Not/, "") };
      return accountsOfEntry(positive, ctx) !== null;
    });
  });
}

// Issuers shared by everyone (any GitHub repository, any GitLab.com project …): the subject must name yours.
const SHARED_SUB_ISSUERS = new Set([
  "token.actions.githubusercontent.com",
  "gitlab.com",
  "app.terraform.io",
]);
// Public identity providers: the audience (your app or identity pool) must be pinned.
const PUBLIC_AUDIENCE_KEYS: Readonly<Record<string, string>> = {
  "cognito-identity.amazonaws.com": "cognito-identity.amazonaws.com:aud",
  "accounts.google.com": "accounts.google.com:aud",
  "graph.facebook.com": "graph.facebook.com:app_id",
  "www.amazon.com": "www.amazon.com:app_id",
};

/** The issuer host (and path) of a Federated principal: an IAM OIDC provider ARN or a public provider name. */
export function issuerOf(federated: string): string {
  return (
    /^arn:[^:]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(federated)?.[1] ?? federated
  ).toLowerCase();
}

/** A subject value that names one owner: "repo:octo-org/…", not "repo:*", "repo:octo*" or "*". */
function pinsSubject(value: string): boolean {
  if (!value || !literalPrefix(value)) return false;
  if (!hasWildcard(value)) return true;
  return /^[a-z_]+:[^:/]+[/:]/i.test(literalPrefix(value));
}

export interface TWebIdentityGap {
  issuer: string;
  /** Anyone the issuer signs for, world-wide (shared or public issuers), or only the issuer's own identities. */
  scope: "anyone" | "issuer";
  reason: string;
}

/** Why an sts:AssumeRoleWithWebIdentity statement lets in more than intended, or null when it is pinned. */
export function webIdentityGap(s: TStatement, federated: string): TWebIdentityGap | null {
  const issuer = issuerOf(federated);
  const entries = conditionEntries(s);
  const audienceKey = PUBLIC_AUDIENCE_KEYS[issuer];
  if (audienceKey) {
    const pinned = entries.some(
      (e) =>
        e.key === audienceKey &&
        isBindingMatch(e) &&
        e.values.length > 0 &&
        e.values.every((v) => !hasWildcard(v) && v !== ""),
    );
    return pinned
      ? null
      : {
          issuer,
          scope: "anyone",
          reason: `no binding ${audienceKey} condition: any application's users of ${issuer} can assume it`,
        };
  }
  const subs = entries.filter((e) => e.key === `${issuer}:sub`);
  const binding = subs.filter(isBindingMatch);
  if (binding.some((e) => e.values.length > 0 && e.values.every(pinsSubject))) return null;
  const scope = SHARED_SUB_ISSUERS.has(issuer) ? "anyone" : "issuer";
  const who =
    scope === "anyone"
      ? `any workload that ${issuer} issues tokens for (any repository or project, anyone's)`
      : `any identity ${issuer} issues tokens for`;
  const reason = binding.length
    ? `its ${issuer}:sub condition (${binding.flatMap((e) => e.values).join(", ")}) does not name an owner`
    : subs.length
      ? `its ${issuer}:sub condition does not bind (${subs.map((e) => e.operator).join(", ")})`
      : `no ${issuer}:sub condition${entries.some((e) => e.key === `${issuer}:aud`) ? " (an aud condition alone names the audience, not the caller)" : ""}`;
  return { issuer, scope, reason: `${reason}: ${who} can assume it` };
}
