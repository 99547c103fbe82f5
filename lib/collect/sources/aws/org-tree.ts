// The organization's shape: roots, OUs (recursively), accounts per parent, tags of each.
import {
  DescribeOrganizationCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
  type Account,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import pLimit from "p-limit";
import { z } from "zod";
import type { TAccount, TOrgUnit } from "@/lib/domain/snapshot";
import { ZAccountStatus, ZOrganization } from "@/lib/domain/snapshot";

export interface OrgTree {
  organization: z.infer<typeof ZOrganization>;
  partition: string;
  orgUnits: TOrgUnit[];
  accounts: TAccount[];
}

export async function describeOrganization(
  client: OrganizationsClient,
): Promise<{ organization: OrgTree["organization"]; partition: string }> {
  const { Organization: o } = await client.send(new DescribeOrganizationCommand({}));
  const organization = ZOrganization.parse({
    id: o?.Id,
    arn: o?.Arn,
    managementAccountId: o?.MasterAccountId,
    featureSet: o?.FeatureSet ?? "ALL",
  });
  const partition = organization.arn?.split(":")[1] ?? "aws";
  return { organization, partition };
}

export async function listTags(
  client: OrganizationsClient,
  resourceId: string,
): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  for await (const page of paginateListTagsForResource({ client }, { ResourceId: resourceId })) {
    for (const t of page.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? "";
  }
  return tags;
}

/** The account "State" replaces the retiring "Status"; PENDING_ACTIVATION has no snapshot value yet. */
function accountStatus(a: Account): TAccount["status"] {
  const raw = a.State === "PENDING_ACTIVATION" ? "ACTIVE" : (a.State ?? a.Status ?? "ACTIVE");
  const parsed = ZAccountStatus.safeParse(raw);
  return parsed.success ? parsed.data : "ACTIVE";
}

export async function readOrgTree(
  client: OrganizationsClient,
  concurrency: number,
  collectedAt: string,
): Promise<OrgTree> {
  const { organization, partition } = await describeOrganization(client);
  const limit = pLimit(concurrency);
  const units: Omit<TOrgUnit, "tags">[] = [];
  for await (const page of paginateListRoots({ client }, {})) {
    for (const r of page.Roots ?? [])
      if (r.Id) units.push({ id: r.Id, parentId: null, name: r.Name ?? "Root" });
  }

  // Breadth first: each level's children are listed in parallel, within the concurrency limit.
  let level = units.map((u) => u.id);
  while (level.length) {
    const children = await Promise.all(
      level.map((parentId) =>
        limit(async () => {
          const found: Omit<TOrgUnit, "tags">[] = [];
          for await (const page of paginateListOrganizationalUnitsForParent(
            { client },
            { ParentId: parentId },
          )) {
            for (const ou of page.OrganizationalUnits ?? [])
              if (ou.Id) found.push({ id: ou.Id, parentId, name: ou.Name ?? ou.Id });
          }
          return found;
        }),
      ),
    );
    const next = children.flat();
    units.push(...next);
    level = next.map((u) => u.id);
  }

  const perParent = await Promise.all(
    units.map((u) =>
      limit(async () => {
        const found: { account: Account; parentId: string }[] = [];
        for await (const page of paginateListAccountsForParent({ client }, { ParentId: u.id })) {
          for (const account of page.Accounts ?? []) found.push({ account, parentId: u.id });
        }
        return found;
      }),
    ),
  );

  const orgUnits = await Promise.all(
    units.map((u) => limit(async () => ({ ...u, tags: await listTags(client, u.id) }))),
  );
  const accounts = await Promise.all(
    perParent.flat().map(({ account: a, parentId }) =>
      limit(async () => ({
        id: a.Id ?? "",
        name: a.Name ?? "",
        email: a.Email ?? "",
        status: accountStatus(a),
        joinedMethod: a.JoinedMethod === "INVITED" ? ("INVITED" as const) : ("CREATED" as const),
        joinedAt: (a.JoinedTimestamp ?? new Date(collectedAt)).toISOString(),
        parentId,
        tags: a.Id ? await listTags(client, a.Id) : {},
      })),
    ),
  );
  return { organization, partition, orgUnits, accounts };
}
