// All KPIs of one run, from the snapshot and the store's current state (findings after the
// lifecycle, last known evidence, provisioning history). Pure: the store gathers the inputs.
import { accessKpis } from "./access-kpis";
import { commitmentKpis } from "./commitment-kpis";
import { costKpis } from "./cost-kpis";
import { findingKpis } from "./finding-kpis";
import { orgKpis } from "./org-kpis";
import { provisioningKpis } from "./provisioning";
import { scopesOf } from "./scopes";
import type { TKpiInput, TKpiValue } from "./types";

export * from "./types";
export { isMutedAt } from "./finding-kpis";
export {
  createdAt,
  deriveCompliance,
  type TEvaluatedRun,
  type TFindingTimeline,
} from "./provisioning";
export { accountEventOf, type TAccountEvent } from "./account-events";

export function computeKpis(input: TKpiInput): TKpiValue[] {
  const scopes = scopesOf(input.snap);
  return [
    ...orgKpis(scopes, input.knownAccountIds),
    ...accessKpis(scopes, input.loginStats),
    ...provisioningKpis(scopes, input, input.now, input.settings.provisioningWindowDays),
    ...findingKpis(scopes, input.openFindings, input.now),
    ...costKpis(scopes, input.snap, input.settings, input.budgets),
    ...commitmentKpis(scopes, input.commitments),
  ];
}
