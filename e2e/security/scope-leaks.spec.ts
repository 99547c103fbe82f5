// What an OU-scoped caller must not learn about the rest of the organization: run totals, the accounts
// and OUs of shared-cost rules, and the path of an OU it files a request for.
import { expect, request as newRequest, test } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { signInDemo } from "../support/auth";
import { scopedOuId, signInScoped } from "../support/scoped-callers";

// Each test signs in through the IdP and makes dozens of requests: generous on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

interface RunRow {
  id: string;
  accountsSeen: number | null;
  apiRequestTotal: number | null;
  orgTotalsHidden: boolean;
}

test("runs show a scoped analyst no totals of the whole organization", async ({
  browser,
  baseURL,
}) => {
  const sue = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  const { runs } = (await (await sue.request.get("/api/v1/runs")).json()) as { runs: RunRow[] };
  expect(runs.length).toBeGreaterThan(0);
  for (const r of runs)
    expect(r).toMatchObject({ accountsSeen: null, apiRequestTotal: null, orgTotalsHidden: true });
  const detail = (await (await sue.request.get(`/api/v1/runs/${runs[0]?.id}`)).json()) as RunRow & {
    accountErrors: unknown[];
  };
  expect(detail).toMatchObject({ accountsSeen: null, orgTotalsHidden: true });
  expect(detail).not.toHaveProperty("hiddenAccountErrors");
  await sue.close();

  // Look-alike: an unscoped analyst sees the totals.
  const analyst = await newRequest.newContext({ baseURL });
  await signInDemo(analyst, "analyst");
  const full = (await (await analyst.get("/api/v1/runs")).json()) as { runs: RunRow[] };
  expect(full.runs[0]?.orgTotalsHidden).toBe(false);
  expect(full.runs[0]?.accountsSeen).toBeGreaterThan(0);
  await analyst.dispose();
});

test("shared-cost rules name no account or OU outside a scoped analyst's OUs", async ({
  browser,
  baseURL,
}) => {
  const ou = await scopedOuId();
  const outsideAccounts = (
    await e2eQuery<{ id: string }>(
      `SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE NOT ($1 = ANY(o.path_ids))`,
      [ou],
    )
  ).map((r) => r.id);
  const outsideOus = (
    await e2eQuery<{ id: string }>(`SELECT id FROM org_unit WHERE NOT ($1 = ANY(path_ids))`, [ou])
  ).map((r) => r.id);
  const sue = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  const res = await sue.request.get("/api/v1/chargeback/rules");
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect((JSON.parse(text) as { redacted: boolean; rules: unknown[] }).redacted).toBe(true);
  expect(outsideAccounts.filter((id) => text.includes(id))).toEqual([]);
  expect(outsideOus.filter((id) => text.includes(id))).toEqual([]);
  await sue.close();

  // Look-alike: an unscoped analyst sees the demo's rules in full (the shared network account among them).
  const analyst = await newRequest.newContext({ baseURL });
  await signInDemo(analyst, "analyst");
  const full = await (await analyst.get("/api/v1/chargeback/rules")).text();
  const [network] = await e2eQuery<{ id: string }>(
    `SELECT id FROM account WHERE name = 'shared-network'`,
  );
  expect(full).toContain(network?.id ?? "missing");
  await analyst.dispose();
});

test("a scoped caller cannot file an account request into an OU outside its scope, nor learn its path", async ({
  browser,
  baseURL,
}) => {
  const [sandbox] = await e2eQuery<{ id: string; path: string }>(
    `SELECT id, path FROM org_unit WHERE path LIKE '%/Sandbox' LIMIT 1`,
  );
  const body = (targetOuId: string) => ({
    name: "Leak probe",
    purpose: "security spec",
    environment: "dev",
    targetOuId,
    owner: "owner@corp.example",
    costCenter: "CC-1",
  });
  const sue = await signInScoped(browser, baseURL ?? "", "scopedAnalyst");
  const refused = await sue.request.post("/api/v1/requests", { data: body(sandbox?.id ?? "") });
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain(sandbox?.path ?? "missing");
  expect(
    await e2eQuery(
      `SELECT 1 FROM account_request WHERE name = 'Leak probe' AND target_ou_id = $1`,
      [sandbox?.id],
    ),
  ).toHaveLength(0);

  // Look-alike: its own OU is accepted and answered with its path.
  const ou = await scopedOuId();
  const [own] = await e2eQuery<{ path: string }>(`SELECT path FROM org_unit WHERE id = $1`, [ou]);
  const accepted = await sue.request.post("/api/v1/requests", { data: body(ou) });
  expect(accepted.status()).toBe(200);
  expect(((await accepted.json()) as { targetOuPath: string }).targetOuPath).toBe(own?.path);
  await sue.close();

  // The demo's scoped viewer (business-unit lead) is held to the same rule.
  const lead = await newRequest.newContext({ baseURL });
  await signInDemo(lead, "scoped");
  expect((await lead.post("/api/v1/requests", { data: body(sandbox?.id ?? "") })).status()).toBe(
    404,
  );
  await lead.dispose();
});
