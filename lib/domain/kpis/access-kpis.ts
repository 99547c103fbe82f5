// Access hygiene measured from CloudTrail: people should sign in through roles (Identity Center,
// federation), and programs should use temporary credentials, not long-term IAM user keys.
import type { TKpiValue, TLoginStat } from "./types";
import { KPI } from "./types";
import { ScopedRatio, type TScopes } from "./scopes";

/** userIdentity.type values of a ConsoleLogin through a role session. */
export const ROLE_IDENTITY_TYPES = [
  "AssumedRole",
  "FederatedUser",
  "SAMLUser",
  "WebIdentityUser",
  "IdentityCenterUser",
] as const;

export function accessKpis(scopes: TScopes, stats: readonly TLoginStat[]): TKpiValue[] {
  const logins = new ScopedRatio(KPI.ROLE_BASED_LOGINS_PCT, scopes.all);
  const keys = new ScopedRatio(KPI.TEMPORARY_KEYS_PCT, scopes.all);
  const active = new Set(scopes.index.activeAccounts.map((a) => a.id));
  for (const s of stats) {
    if (!active.has(s.accountId)) continue;
    const where = scopes.ofAccount(s.accountId);
    const roles = ROLE_IDENTITY_TYPES.reduce((n, t) => n + (s.byIdentityType[t] ?? 0), 0);
    const users = s.byIdentityType.IAMUser ?? 0;
    logins.add(where, roles, roles + users, {
      roleLogins: roles,
      iamUserLogins: users,
      rootLogins: s.byIdentityType.Root ?? 0,
      accounts: 1,
    });
    if (s.longTermKeysInUse !== null && s.temporaryKeysInUse !== null) {
      keys.add(where, s.temporaryKeysInUse, s.temporaryKeysInUse + s.longTermKeysInUse, {
        temporaryKeys: s.temporaryKeysInUse,
        longTermKeys: s.longTermKeysInUse,
        accounts: 1,
      });
    }
  }
  return [
    ...logins.percentages({ roleLogins: 0, iamUserLogins: 0, rootLogins: 0, accounts: 0 }),
    ...keys.percentages({ temporaryKeys: 0, longTermKeys: 0, accounts: 0 }),
  ];
}
