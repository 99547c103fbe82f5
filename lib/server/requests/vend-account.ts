// Vends an approved request's account through Organizations, one recorded step at a time: CreateAccount
// (with the request's tags), DescribeCreateAccountStatus until it settles, MoveAccount into the
// requested OU, TagResource for any tag CreateAccount did not apply, and the OrgLens budget. Runs after
// the HTTP response (the caller schedules it); a failed step stops the run, and a retry resumes there.
// The caller has authorized the request and set vending_status to "running" (its claim).
import "server-only";
import {
  DescribeCreateAccountStatusCommand,
  ListCreateAccountStatusCommand,
  ListParentsCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
  type CreateAccountStatus,
} from "@aws-sdk/client-organizations";
import type { Db } from "@/lib/db/client";
import { loadSettings } from "@/lib/db/settings";
import { requestStateOf } from "@/lib/domain/requests/request-state";
import { transition } from "@/lib/domain/requests/state-machine";
import {
  failedStep,
  missingTags,
  pollDelays,
  resumeStep,
  vendingTags,
  type TStepRecord,
  type TVendingStep,
} from "@/lib/domain/requests/vending";
import type { AccountRequest } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { accountEmail, createOrganizationAccount } from "./create-organization-account";
import { getRequestSettings } from "./get-request-settings";
import { listVendingSteps } from "./list-vending-steps";

export interface VendingDeps {
  /** Tests point this at moto; production uses the default credential chain. */
  orgs?: OrganizationsClient;
  sleep?: (ms: number) => Promise<void>;
  /** Waits between status polls (default: pollDelays()). */
  delays?: readonly number[];
}

/** A step that failed for a reason worth showing on the request as is. */
class StepFailed extends Error {
  constructor(
    message: string,
    /** The step to record the failure against, when not the one running. */
    readonly step?: TVendingStep,
  ) {
    super(message);
  }
}

const describeError = (err: unknown) =>
  err instanceof StepFailed
    ? err.message
    : err instanceof Error
      ? `${err.name}: ${err.message}`.slice(0, 500)
      : String(err);

const toRow = (s: CreateAccountStatus, name: string) => ({
  id: s.Id ?? "",
  accountName: s.AccountName ?? name,
  accountId: s.AccountId ?? null,
  state: s.State ?? "IN_PROGRESS",
  requestedAt: s.RequestedTimestamp ?? new Date(),
  completedAt: s.CompletedTimestamp ?? null,
  failureReason: s.FailureReason ?? null,
});

interface Ctx {
  db: Db;
  orgs: OrganizationsClient;
  sleep: (ms: number) => Promise<void>;
  delays: readonly number[];
  r: AccountRequest;
}

/** A CreateAccount for this name since the approval that a lost response left unrecorded. */
async function findEarlierCreation(c: Ctx): Promise<CreateAccountStatus | null> {
  let NextToken: string | undefined;
  do {
    const page = await c.orgs.send(
      new ListCreateAccountStatusCommand({ States: ["IN_PROGRESS", "SUCCEEDED"], NextToken }),
    );
    const hit = page.CreateAccountStatuses?.find(
      (s) =>
        s.AccountName === c.r.name &&
        (!c.r.decidedAt || !s.RequestedTimestamp || s.RequestedTimestamp >= c.r.decidedAt),
    );
    if (hit?.Id) {
      const claimed = await c.db.accountRequest.findFirst({
        where: { createAccountRequestId: hit.Id, id: { not: c.r.id } },
        select: { id: true },
      });
      if (!claimed) return hit;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return null;
}

const STEPS: Record<TVendingStep, (c: Ctx) => Promise<string>> = {
  async create_account(c) {
    // Stored before a crash could record the step: the same call, never a second account.
    if (c.r.createAccountRequestId)
      return `CreateAccount request ${c.r.createAccountRequestId} (sent before, not repeated)`;
    const earlier = await findEarlierCreation(c);
    const settings = await getRequestSettings(c.db);
    const created = earlier?.Id
      ? { id: earlier.Id }
      : await createOrganizationAccount(c.db, {
          name: c.r.name,
          email: accountEmail(settings.emailTemplate, c.r.name),
          tags: vendingTags(c.r, await loadSettings(c.db)),
          client: c.orgs,
        });
    c.r = await c.db.accountRequest.update({
      where: { id: c.r.id },
      data: { createAccountRequestId: created.id },
    });
    return earlier
      ? `Found CreateAccount request ${created.id} from an earlier attempt; not created again`
      : `CreateAccount request ${created.id}`;
  },

  async wait_for_account(c) {
    const id = c.r.createAccountRequestId;
    if (!id) throw new StepFailed("No CreateAccount request to wait for.", "create_account");
    for (const delay of [0, ...c.delays]) {
      if (delay) await c.sleep(delay);
      const out = await c.orgs.send(
        new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: id }),
      );
      const s = out.CreateAccountStatus;
      if (!s) continue;
      const row = toRow(s, c.r.name);
      await c.db.accountCreation.upsert({ where: { id }, create: row, update: row });
      if (s.State === "FAILED") {
        // Nothing was created: the retry calls CreateAccount again (after the cause is fixed).
        c.r = await c.db.accountRequest.update({
          where: { id: c.r.id },
          data: { createAccountRequestId: null },
        });
        throw new StepFailed(
          `CreateAccount failed: ${s.FailureReason ?? "no reason given"}`,
          "create_account",
        );
      }
      if (s.State === "SUCCEEDED" && s.AccountId) {
        c.r = await c.db.accountRequest.update({
          where: { id: c.r.id },
          data: { accountId: s.AccountId },
        });
        return `Account ${s.AccountId} created`;
      }
    }
    const minutes = Math.round(c.delays.reduce((a, b) => a + b, 0) / 60_000);
    throw new StepFailed(
      `CreateAccount ${id} still in progress after ${minutes} min; retry to keep waiting.`,
    );
  },

  async move_account(c) {
    const accountId = c.r.accountId;
    if (!accountId) throw new StepFailed("The account id is not known yet.", "wait_for_account");
    const parents = await c.orgs.send(new ListParentsCommand({ ChildId: accountId }));
    const from = parents.Parents?.[0]?.Id;
    if (!from) throw new StepFailed(`Organizations lists no parent for ${accountId}.`);
    if (from === c.r.targetOuId) return `Already in ${c.r.targetOuId}`;
    await c.orgs.send(
      new MoveAccountCommand({
        AccountId: accountId,
        SourceParentId: from,
        DestinationParentId: c.r.targetOuId,
      }),
    );
    return `Moved from ${from} to ${c.r.targetOuId}`;
  },

  async tag_account(c) {
    const accountId = c.r.accountId;
    if (!accountId) throw new StepFailed("The account id is not known yet.", "wait_for_account");
    const settings = await loadSettings(c.db);
    const wanted = vendingTags(c.r, settings);
    // Required keys a request has no field for stay for the owner to set (the tag checks flag them).
    const unset = settings.requiredTagKeys.filter((k) => !(k in wanted));
    const note = unset.length ? `; no value in the request for ${unset.join(", ")}` : "";
    const actual: Record<string, string> = {};
    let NextToken: string | undefined;
    do {
      const page = await c.orgs.send(
        new ListTagsForResourceCommand({ ResourceId: accountId, NextToken }),
      );
      for (const t of page.Tags ?? []) if (t.Key) actual[t.Key] = t.Value ?? "";
      NextToken = page.NextToken;
    } while (NextToken);
    const missing = missingTags(wanted, actual);
    const keys = Object.keys(missing);
    if (!keys.length) return `Tags applied at creation: ${Object.keys(wanted).join(", ")}${note}`;
    await c.orgs.send(
      new TagResourceCommand({
        ResourceId: accountId,
        Tags: Object.entries(missing).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    return `Tagged ${keys.join(", ")}${note}`;
  },

  async create_budget(c) {
    const accountId = c.r.accountId;
    if (!accountId) throw new StepFailed("The account id is not known yet.", "wait_for_account");
    if (c.r.monthlyBudget === null) return "No budget requested";
    const existing = await c.db.budget.findFirst({
      where: { scopeType: "account", scopeId: accountId, source: "orglens" },
      select: { id: true, monthlyAmount: true },
    });
    if (existing) return `Budget ${existing.monthlyAmount.toFixed(2)}/month already set`;
    const amount = c.r.monthlyBudget.toFixed(2);
    await c.db.$transaction(async (tx) => {
      const saved = await tx.budget.create({
        data: {
          name: `${c.r.name} (account request)`,
          scopeType: "account",
          scopeId: accountId,
          monthlyAmount: amount,
        },
      });
      await recordAuditEvent(
        {
          actor: c.r.decidedBy ?? "orglens",
          action: "budgets.create",
          target: saved.id,
          detail: {
            scopeType: "account",
            scopeId: accountId,
            monthlyAmount: amount,
            requestId: c.r.id,
          },
        },
        tx,
      );
    });
    return `Budget ${amount}/month`;
  },
};

/** Runs the remaining steps; resolves to where it stopped. Never throws for a failed step. */
export async function vendAccount(
  db: Db,
  requestId: string,
  deps: VendingDeps = {},
): Promise<{ status: "done" | "failed" | "skipped"; failedStep: TVendingStep | null }> {
  const r = await db.accountRequest.findUnique({ where: { id: requestId } });
  if (r?.status !== "approved" || r.vendingStatus !== "running")
    return { status: "skipped", failedStep: null };
  const c: Ctx = {
    db,
    orgs: deps.orgs ?? new OrganizationsClient({ region: "us-east-1" }),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    delays: deps.delays ?? pollDelays(),
    r,
  };
  const records: TStepRecord[] = (await listVendingSteps(db, [requestId])).get(requestId) ?? [];

  for (let step = resumeStep(records); step;) {
    try {
      const detail = await STEPS[step](c);
      await db.accountRequestStep.create({ data: { requestId, step, status: "ok", detail } });
      records.push({ step, status: "ok" });
    } catch (err) {
      const at = err instanceof StepFailed && err.step ? err.step : step;
      if (!(err instanceof StepFailed))
        logger.warn({ err, requestId, step }, "Vending step failed");
      await db.accountRequestStep.create({
        data: { requestId, step: at, status: "failed", detail: describeError(err) },
      });
      records.push({ step: at, status: "failed" });
      await db.accountRequest.update({
        where: { id: requestId },
        data: { vendingStatus: "failed" },
      });
      return { status: "failed", failedStep: failedStep(records) };
    }
    step = resumeStep(records);
  }
  const accountId = c.r.accountId;
  if (!accountId) throw new Error(`Vending ${requestId} finished without an account id.`);
  await db.accountRequest.update({
    where: { id: requestId },
    data: {
      ...transition(requestStateOf(c.r), { kind: "provision", accountId, at: new Date() }),
      vendingStatus: "done",
    },
  });
  return { status: "done", failedStep: null };
}
