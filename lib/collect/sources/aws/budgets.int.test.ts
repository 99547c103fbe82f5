// Budgets on a real organization: a payer keeps budgets in the management account and filters them to
// the member accounts they watch. Through the AWS source against moto, store and evaluation on Postgres.
import { BudgetsClient, CreateBudgetCommand, type Budget } from "@aws-sdk/client-budgets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUDGET_VARIANCE } from "@/lib/domain/checks/budget-variance";
import { useTestDatabase } from "@/testing/db";
import { startMoto, type MotoServer } from "@/testing/moto";
import { collectAws } from ".";
import { awsConfig, buildOrg, presetCostResults, type MotoOrg } from "@/testing/aws/moto-org";
import { motoCollectOptions } from "@/testing/aws/moto-collect";
import { costResult } from "@/testing/aws/ce-results";

let moto: MotoServer;
let org: MotoOrg;

beforeAll(async () => {
  moto = await startMoto();
  org = await buildOrg(moto.endpoint);
});

afterAll(async () => {
  await moto?.stop();
});

const spend = (
  actual: string,
): Pick<Budget, "BudgetLimit" | "CalculatedSpend" | "TimeUnit" | "BudgetType"> => ({
  BudgetLimit: { Amount: "1000", Unit: "USD" },
  CalculatedSpend: {
    ActualSpend: { Amount: actual, Unit: "USD" },
    ForecastedSpend: { Amount: actual, Unit: "USD" },
  },
  TimeUnit: "MONTHLY",
  BudgetType: "COST",
});

describe("budget findings", () => {
  const store = useTestDatabase();

  it("sit on the accounts a LinkedAccount filter watches, and a budget without a filter stays on its own account", async () => {
    const { prodApp, sandbox, logArchive } = org.accounts;
    const budgets = new BudgetsClient(awsConfig(moto.endpoint));
    const create = (budget: Budget) =>
      budgets.send(new CreateBudgetCommand({ AccountId: org.managementId, Budget: budget }));
    await create({
      BudgetName: "sandbox-monthly",
      ...spend("1500"),
      CostFilters: { LinkedAccount: [sandbox] },
    });
    await create({
      BudgetName: "shop-monthly",
      ...spend("1300"),
      FilterExpression: { Dimensions: { Key: "LINKED_ACCOUNT", Values: [prodApp, logArchive] } },
    });
    await create({ BudgetName: "org-monthly", ...spend("1200") });
    // Look-alike: filtered to an account, within budget.
    await create({
      BudgetName: "stray-monthly",
      ...spend("900"),
      CostFilters: { LinkedAccount: [org.accounts.stray] },
    });
    budgets.destroy();

    await presetCostResults(
      moto.endpoint,
      Array.from({ length: 6 }, () => costResult([])),
    );
    const result = await collectAws(
      store.db,
      store.url,
      motoCollectOptions(moto.endpoint, new Date("2025-06-15T12:00:00Z")),
    );
    expect(result.accountsFailed).toBe(0);

    const stored = await store.db.awsBudget.findMany({
      orderBy: { name: "asc" },
      select: { accountId: true, name: true, linkedAccountIds: true },
    });
    expect(stored).toEqual([
      { accountId: org.managementId, name: "org-monthly", linkedAccountIds: [] },
      { accountId: org.managementId, name: "sandbox-monthly", linkedAccountIds: [sandbox] },
      {
        accountId: org.managementId,
        name: "shop-monthly",
        linkedAccountIds: [prodApp, logArchive].sort(),
      },
      {
        accountId: org.managementId,
        name: "stray-monthly",
        linkedAccountIds: [org.accounts.stray],
      },
    ]);

    const findings = await store.db.finding.findMany({
      where: { checkId: BUDGET_VARIANCE },
      select: { accountId: true, resource: true, severity: true },
    });
    expect(findings).toHaveLength(4);
    expect(findings).toEqual(
      expect.arrayContaining([
        { accountId: org.managementId, resource: "budget:org-monthly", severity: "high" },
        {
          accountId: sandbox,
          resource: `budget:${org.managementId}/sandbox-monthly`,
          severity: "high",
        },
        ...[prodApp, logArchive].map((accountId) => ({
          accountId,
          resource: `budget:${org.managementId}/shop-monthly`,
          severity: "high",
        })),
      ]),
    );
    // An OU-scoped lead sees the finding of the sandbox budget on the account in their OU.
    expect((await store.db.account.findUniqueOrThrow({ where: { id: sandbox } })).ouId).toBe(
      org.ous.sandbox,
    );
  });
});
