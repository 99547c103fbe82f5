// How much of the estate the organization governs, and how much of it sits in a logical OU.
import { Decimal } from "decimal.js";
import { KPI, ORG_SCOPE, type TKpiValue } from "./types";
import type { TScopes } from "./scopes";

function pct(
  kpiId: TKpiValue["kpiId"],
  num: number,
  den: number,
  detail: TKpiValue["detail"],
): TKpiValue {
  return {
    kpiId,
    scopeId: ORG_SCOPE,
    value: den > 0 ? new Decimal(num).div(den).mul(100).toFixed(6) : null,
    numerator: new Decimal(num).toFixed(6),
    denominator: new Decimal(den).toFixed(6),
    detail,
  };
}

export function orgKpis(scopes: TScopes, knownAccountIds: ReadonlySet<string>): TKpiValue[] {
  const { index } = scopes;
  const inOrg = index.activeAccounts.length;
  const outside = [...knownAccountIds].filter((id) => !index.accountById.has(id)).length;
  const members = index.memberAccounts;
  const inOu = members.filter((a) => a.parentId !== index.rootId).length;
  return [
    pct(KPI.ACCOUNTS_IN_ORG_PCT, inOrg, inOrg + outside, {
      accountsInOrg: inOrg,
      knownOutside: outside,
    }),
    pct(KPI.ACCOUNTS_IN_OU_PCT, inOu, members.length, { atRoot: members.length - inOu }),
  ];
}
