// The effective tag policy on the OU panel and the account page, checked against the tag policies
// the demo stored: the root's keys reach every OU and account, an OU's @@remove takes away what the
// root enforced, and each part names the policy and OU it comes from.
import { expect, test, type Locator } from "@playwright/test";
import { z } from "zod";
import { e2eQuery } from "../testing/e2e-db";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signInAs } from "./support/sign-in-ui";

const ZOperators = z.object({
  "@@assign": z.array(z.string()).optional(),
  "@@remove": z.array(z.string()).optional(),
});
const ZTagPolicyDoc = z.object({
  tags: z.record(
    z.string(),
    z.object({ tag_value: ZOperators.optional(), enforced_for: ZOperators.optional() }),
  ),
});

interface StoredPolicy {
  name: string;
  doc: z.infer<typeof ZTagPolicyDoc>;
}

/** The tag policies attached to one target, as stored by the demo collection. */
async function attachedTo(targetId: string): Promise<StoredPolicy[]> {
  const rows = await e2eQuery<{ name: string; content: unknown }>(
    `SELECT p.name, p.content FROM policy p JOIN policy_target t ON t.policy_id = p.id WHERE p.type = 'TAG_POLICY' AND t.target_id = $1 ORDER BY p.id`,
    [targetId],
  );
  return rows.map((r) => ({ name: r.name, doc: ZTagPolicyDoc.parse(r.content) }));
}

async function idOf(sql: string, params: unknown[]): Promise<string> {
  const [row] = await e2eQuery<{ id: string }>(sql, params);
  if (!row) throw new Error(`no row for ${sql} ${JSON.stringify(params)}`);
  return row.id;
}

const rowOf = (table: Locator, key: string) => table.locator(`tr[data-row-id="${key}"]`);
/** Columns: tag key, allowed values, enforced for, reported when missing, defined by. */
const cellOf = (table: Locator, key: string, column: number) =>
  rowOf(table, key).getByRole("cell").nth(column);

test("the OU panel shows the Sandbox OU's effective tag policy as the stored policies make it", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "analyst");
  const root = await idOf(
    "SELECT id FROM org_unit WHERE parent_id IS NULL AND removed_at IS NULL",
    [],
  );
  const sandbox = await idOf("SELECT id FROM org_unit WHERE path = $1 AND removed_at IS NULL", [
    "Root/Sandbox",
  ]);
  const [rootPolicy] = await attachedTo(root);
  const [relief] = await attachedTo(sandbox);
  if (!rootPolicy || !relief)
    throw new Error("the demo should attach a tag policy to the root and one to the Sandbox OU");

  await page.goto(`/organization?ou=${sandbox}`);
  const table = page.getByTestId("ou-tag-policy");
  await expect(table.getByRole("table", { name: "Effective tag policy of Sandbox" })).toBeVisible({
    timeout: 30_000,
  });
  const keys = Object.keys({ ...rootPolicy.doc.tags, ...relief.doc.tags }).sort();
  await expect(table.locator("tbody tr")).toHaveCount(keys.length);

  for (const key of keys) {
    const fromRoot = rootPolicy.doc.tags[key];
    const fromSandbox = relief.doc.tags[key];
    await expect(cellOf(table, key, 0)).toHaveText(key);
    for (const value of fromRoot?.tag_value?.["@@assign"] ?? [])
      await expect(cellOf(table, key, 1)).toContainText(`${value} · Root (${rootPolicy.name})`);
    // What the root enforces, less what the Sandbox policy removes.
    const removed = fromSandbox?.enforced_for?.["@@remove"] ?? [];
    const enforced = (fromRoot?.enforced_for?.["@@assign"] ?? []).filter(
      (t) => !removed.includes(t),
    );
    if (enforced.length)
      for (const t of enforced) await expect(cellOf(table, key, 2)).toContainText(`${t} · Root`);
    else await expect(cellOf(table, key, 2)).toHaveText("not enforced");
    await expect(cellOf(table, key, 4)).toContainText(`${rootPolicy.name} on Root`);
    if (fromSandbox) await expect(cellOf(table, key, 4)).toContainText(`${relief.name} on Sandbox`);
  }
  await expectNoSeriousA11yViolations(page);
});

test("the account page shows the tag policy its resources must follow, and where it comes from", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "analyst");
  const root = await idOf(
    "SELECT id FROM org_unit WHERE parent_id IS NULL AND removed_at IS NULL",
    [],
  );
  const account = await idOf(
    `SELECT a.id FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE o.path = $1 AND a.removed_at IS NULL ORDER BY a.id LIMIT 1`,
    ["Root/Workloads/Prod"],
  );
  const [rootPolicy] = await attachedTo(root);
  if (!rootPolicy) throw new Error("the demo should attach a tag policy to the root");
  const onPath = await e2eQuery<{ n: number }>(
    `SELECT count(*)::int AS n FROM policy_target t JOIN policy p ON p.id = t.policy_id
     WHERE p.type = 'TAG_POLICY' AND t.target_id <> $1
       AND (t.target_id = $2 OR EXISTS (SELECT 1 FROM account a JOIN org_unit o ON o.id = a.ou_id WHERE a.id = $2 AND t.target_id = ANY(o.path_ids)))`,
    [root, account],
  );
  expect(
    onPath[0]?.n,
    "this test expects only the root's tag policy on a Prod account's path",
  ).toBe(0);

  await page.goto(`/accounts/${account}`);
  const section = page.getByRole("region", { name: "Effective tag policy" });
  const table = section.getByTestId("account-tag-policy");
  await expect(table.locator("tbody tr")).toHaveCount(Object.keys(rootPolicy.doc.tags).length, {
    timeout: 30_000,
  });
  for (const [key, rule] of Object.entries(rootPolicy.doc.tags)) {
    const values = rule.tag_value?.["@@assign"] ?? [];
    if (values.length)
      for (const v of values)
        await expect(cellOf(table, key, 1)).toContainText(`${v} · Root (${rootPolicy.name})`);
    else await expect(cellOf(table, key, 1)).toHaveText("any value");
    for (const t of rule.enforced_for?.["@@assign"] ?? [])
      await expect(cellOf(table, key, 2)).toContainText(`${t} · Root`);
    await expect(cellOf(table, key, 4)).toHaveText(`${rootPolicy.name} on Root`);
  }
});
