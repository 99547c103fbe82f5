// GuardDuty's organization configuration, read where it lives: in the delegated administrator account,
// one detector per region. With auto-enable for ALL members, AWS turns GuardDuty on in every member
// account, so a member whose own detector is not visible (yet) still counts as covered.
import {
  DescribeOrganizationConfigurationCommand,
  paginateListDetectors,
} from "@aws-sdk/client-guardduty";
import type { TGuardDutyOrganization } from "@/lib/domain/snapshot";
import type { AwsClients } from "./clients";

export const GUARDDUTY_PRINCIPAL = "guardduty.amazonaws.com";

export async function readGuardDutyOrganization(
  clients: AwsClients,
  regions: readonly string[],
): Promise<TGuardDutyOrganization[]> {
  const out: TGuardDutyOrganization[] = [];
  for (const region of regions) {
    const client = clients.guardDuty(region);
    let detectorId: string | undefined;
    for await (const page of paginateListDetectors({ client }, {})) {
      detectorId ??= page.DetectorIds?.[0];
    }
    if (!detectorId) continue;
    const config = await client.send(
      new DescribeOrganizationConfigurationCommand({ DetectorId: detectorId }),
    );
    // AutoEnable (a boolean) is the older field: true meant "new members".
    const autoEnable = config.AutoEnableOrganizationMembers ?? (config.AutoEnable ? "NEW" : "NONE");
    out.push({ adminAccountId: clients.accountId, region, autoEnable });
  }
  return out;
}
