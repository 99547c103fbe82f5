// Organizations CreateAccount for an approved request (only when an admin enabled it), the first step
// of vending (vend-account.ts). The call is asynchronous on AWS's side: the returned status id is
// stored in account_creation and on the request, and the next step polls it.
import { CreateAccountCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import type { Db } from "@/lib/db/client";

export interface CreateAccountInput {
  name: string;
  email: string;
  /** Applied by CreateAccount itself, so the account never exists untagged. */
  tags?: Record<string, string>;
  /** Tests point this at moto; production uses the default credential chain. */
  client?: OrganizationsClient;
}

export function accountEmail(template: string, name: string): string {
  return template.replaceAll(
    "{name}",
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, ""),
  );
}

export async function createOrganizationAccount(
  db: Db,
  input: CreateAccountInput,
): Promise<{ id: string; state: string; accountId: string | null }> {
  const client = input.client ?? new OrganizationsClient({ region: "us-east-1" });
  const out = await client.send(
    new CreateAccountCommand({
      AccountName: input.name,
      Email: input.email,
      Tags: Object.entries(input.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  const s = out.CreateAccountStatus;
  if (!s?.Id) throw new Error("Organizations CreateAccount returned no request id.");
  const row = {
    id: s.Id,
    accountName: s.AccountName ?? input.name,
    accountId: s.AccountId ?? null,
    state: s.State ?? "IN_PROGRESS",
    requestedAt: s.RequestedTimestamp ?? new Date(),
    completedAt: s.CompletedTimestamp ?? null,
    failureReason: s.FailureReason ?? null,
  };
  await db.accountCreation.upsert({ where: { id: row.id }, create: row, update: row });
  return { id: row.id, state: row.state, accountId: row.accountId };
}
