// Guardrails and provisioning history: SCPs and tag policies with their targets and content,
// delegated administrators and the services delegated to each, CreateAccount requests.
import {
  DescribePolicyCommand,
  paginateListCreateAccountStatus,
  paginateListDelegatedAdministrators,
  paginateListDelegatedServicesForAccount,
  paginateListPolicies,
  paginateListTargetsForPolicy,
  type OrganizationsClient,
  type PolicyType,
} from "@aws-sdk/client-organizations";
import pLimit from "p-limit";
import { z } from "zod";
import {
  ZCreateAccountStatus,
  ZDelegatedAdmin,
  ZPolicy,
  type TPolicy,
} from "@/lib/domain/snapshot";
import type { RunNotes } from "./notes";

const POLICY_TYPES: PolicyType[] = ["SERVICE_CONTROL_POLICY", "TAG_POLICY"];

export interface OrgPolicies {
  policies: TPolicy[];
  delegatedAdmins: z.infer<typeof ZDelegatedAdmin>[];
  createAccountStatuses: z.infer<typeof ZCreateAccountStatus>[];
}

async function readPolicies(
  client: OrganizationsClient,
  limit: ReturnType<typeof pLimit>,
  type: PolicyType,
): Promise<TPolicy[]> {
  const summaries = [];
  for await (const page of paginateListPolicies({ client }, { Filter: type })) {
    // An endpoint that ignores the filter must not turn an SCP into a tag policy.
    summaries.push(...(page.Policies ?? []).filter((p) => !p.Type || p.Type === type));
  }
  return Promise.all(
    summaries.map((s) =>
      limit(async () => {
        const id = s.Id ?? "";
        const described = await client.send(new DescribePolicyCommand({ PolicyId: id }));
        const targets: TPolicy["targets"] = [];
        for await (const page of paginateListTargetsForPolicy({ client }, { PolicyId: id })) {
          for (const t of page.Targets ?? [])
            if (t.TargetId && t.Type) targets.push({ targetId: t.TargetId, targetType: t.Type });
        }
        return ZPolicy.parse({
          id,
          type,
          name: s.Name ?? id,
          description: s.Description ?? "",
          awsManaged: s.AwsManaged ?? false,
          content: described.Policy?.Content ?? "{}",
          targets,
        });
      }),
    ),
  );
}

async function readDelegatedAdmins(
  client: OrganizationsClient,
  limit: ReturnType<typeof pLimit>,
): Promise<OrgPolicies["delegatedAdmins"]> {
  const admins: string[] = [];
  for await (const page of paginateListDelegatedAdministrators({ client }, {})) {
    for (const a of page.DelegatedAdministrators ?? []) if (a.Id) admins.push(a.Id);
  }
  const perAccount = await Promise.all(
    admins.map((accountId) =>
      limit(async () => {
        const out: OrgPolicies["delegatedAdmins"] = [];
        for await (const page of paginateListDelegatedServicesForAccount(
          { client },
          { AccountId: accountId },
        )) {
          for (const s of page.DelegatedServices ?? []) {
            if (s.ServicePrincipal)
              out.push({
                accountId,
                servicePrincipal: s.ServicePrincipal,
                delegatedAt: s.DelegationEnabledDate?.toISOString() ?? null,
              });
          }
        }
        return out;
      }),
    ),
  );
  return perAccount.flat();
}

async function readCreateAccountStatuses(
  client: OrganizationsClient,
): Promise<OrgPolicies["createAccountStatuses"]> {
  const out: OrgPolicies["createAccountStatuses"] = [];
  for await (const page of paginateListCreateAccountStatus({ client }, {})) {
    for (const s of page.CreateAccountStatuses ?? []) {
      if (!s.Id || !s.State || !s.RequestedTimestamp) continue;
      out.push({
        id: s.Id,
        accountName: s.AccountName ?? "",
        accountId: s.AccountId ?? null,
        state: s.State,
        requestedAt: s.RequestedTimestamp.toISOString(),
        completedAt: s.CompletedTimestamp?.toISOString() ?? null,
        failureReason: s.FailureReason ?? null,
      });
    }
  }
  return out;
}

export async function readOrgPolicies(
  client: OrganizationsClient,
  managementAccountId: string,
  concurrency: number,
  notes: RunNotes,
): Promise<OrgPolicies> {
  const limit = pLimit(concurrency);
  const policies: TPolicy[] = [];
  for (const type of POLICY_TYPES) {
    const found = await notes.optional(
      managementAccountId,
      `organizations:ListPolicies(${type})`,
      () => readPolicies(client, limit, type),
    );
    policies.push(...(found ?? []));
  }
  const delegatedAdmins =
    (await notes.optional(managementAccountId, "organizations:ListDelegatedAdministrators", () =>
      readDelegatedAdmins(client, limit),
    )) ?? [];
  const createAccountStatuses =
    (await notes.optional(managementAccountId, "organizations:ListCreateAccountStatus", () =>
      readCreateAccountStatuses(client),
    )) ?? [];
  return { policies, delegatedAdmins, createAccountStatuses };
}
