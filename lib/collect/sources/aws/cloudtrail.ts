// CloudTrail evidence of one account: its own trails (status and whether management events are
// recorded) and console sign-ins over a window, split by who signed in (userIdentity.type).
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  paginateLookupEvents,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import type { TTrail } from "@/lib/domain/snapshot";
import type { AwsClients } from "./clients";

function accountOfArn(arn: string): string | undefined {
  return arn.split(":")[4];
}

/**
 * Trails owned by the account, from every configured region. An organization trail shows up in
 * members as a shadow copy; it is recorded once, under the management account that owns it.
 */
export async function readTrails(
  clients: AwsClients,
  regions: readonly string[],
): Promise<TTrail[]> {
  const byArn = new Map<string, Trail>();
  for (const region of regions) {
    const { trailList } = await clients
      .cloudTrail(region)
      .send(new DescribeTrailsCommand({ includeShadowTrails: true }));
    for (const t of trailList ?? [])
      if (t.TrailARN && accountOfArn(t.TrailARN) === clients.accountId) byArn.set(t.TrailARN, t);
  }
  const out: TTrail[] = [];
  for (const [arn, t] of byArn) {
    const homeRegion = t.HomeRegion ?? regions[0] ?? "us-east-1";
    const client = clients.cloudTrail(homeRegion);
    // Status and selectors go together; both settle before a failure is raised.
    const statusRead = client.send(new GetTrailStatusCommand({ Name: arn }));
    const selectorsRead = client.send(new GetEventSelectorsCommand({ TrailName: arn }));
    await Promise.allSettled([statusRead, selectorsRead]);
    const status = await statusRead;
    const selectors = await selectorsRead;
    const classic =
      selectors.EventSelectors?.some((s) => s.IncludeManagementEvents !== false) ?? false;
    const advanced =
      selectors.AdvancedEventSelectors?.some((s) =>
        s.FieldSelectors?.some(
          (f) => f.Field === "eventCategory" && f.Equals?.includes("Management"),
        ),
      ) ?? false;
    const noSelectors =
      !selectors.EventSelectors?.length && !selectors.AdvancedEventSelectors?.length;
    out.push({
      arn,
      name: t.Name ?? arn,
      homeRegion,
      isOrganizationTrail: t.IsOrganizationTrail ?? false,
      isMultiRegion: t.IsMultiRegionTrail ?? false,
      isLogging: status.IsLogging ?? false,
      // A trail created without selectors records management events (AWS's default selector).
      includesManagementEvents: classic || advanced || noSelectors,
      s3BucketName: t.S3BucketName ?? null,
    });
  }
  return out;
}

const ZEvent = z.object({ userIdentity: z.object({ type: z.string() }).optional() });

export async function readConsoleLogins(
  clients: AwsClients,
  regions: readonly string[],
  windowDays: number,
  now: Date,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const start = new Date(now.getTime() - windowDays * 86_400_000);
  for (const region of regions) {
    const pages = paginateLookupEvents(
      { client: clients.cloudTrail(region), pageSize: 50 },
      {
        LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "ConsoleLogin" }],
        StartTime: start,
        EndTime: now,
      },
    );
    for await (const page of pages) {
      for (const e of page.Events ?? []) {
        let type = "Unknown";
        try {
          type =
            ZEvent.parse(JSON.parse(e.CloudTrailEvent ?? "{}")).userIdentity?.type ?? "Unknown";
        } catch {
          // An unparsable event still counts as a sign-in, of unknown kind.
        }
        counts[type] = (counts[type] ?? 0) + 1;
      }
    }
  }
  return counts;
}

/** LookupEvents pages (50 events each) read per account and region for the key sample: the API allows 2 calls a second per account and region. */
export const KEY_SAMPLE_MAX_PAGES = 10;

/**
 * Which credentials signed the account's recent write calls: each event's access key id starts with
 * ASIA (temporary: role sessions, Identity Center, federation) or AKIA (an IAM user's long-term key).
 * A bounded sample (the most recent events first), not a census: its size is the KPI's denominator.
 */
export async function readKeyUsage(
  clients: AwsClients,
  regions: readonly string[],
  windowDays: number,
  now: Date,
): Promise<{ temporary: number; longTerm: number }> {
  const out = { temporary: 0, longTerm: 0 };
  const start = new Date(now.getTime() - windowDays * 86_400_000);
  for (const region of regions) {
    const pages = paginateLookupEvents(
      { client: clients.cloudTrail(region), pageSize: 50 },
      {
        LookupAttributes: [{ AttributeKey: "ReadOnly", AttributeValue: "false" }],
        StartTime: start,
        EndTime: now,
      },
    );
    let read = 0;
    for await (const page of pages) {
      for (const e of page.Events ?? []) {
        if (e.AccessKeyId?.startsWith("ASIA")) out.temporary += 1;
        else if (e.AccessKeyId?.startsWith("AKIA")) out.longTerm += 1;
      }
      if (++read >= KEY_SAMPLE_MAX_PAGES) break;
    }
  }
  return out;
}
