// Event ingestion end to end: an admin creates an ingest token on Settings → Event ingestion, an
// EventBridge-shaped CreateUser event is posted with it, and the finding is on the findings page
// without any collection run; revoked, the token is refused.
import { expect as baseExpect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { createUserEvent } from "../testing/events";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

test.describe.configure({ timeout: 120_000 });
// API answers can take several seconds on the loaded test machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const runCount = async () =>
  Number((await e2eQuery<{ n: string }>("SELECT count(*)::text AS n FROM collection_run"))[0]?.n);

test("a CreateUser event posted with an ingest token shows as a finding without a collection run", async ({
  page,
  playwright,
  baseURL,
}) => {
  const [member] = await e2eQuery<{ id: string; name: string }>(
    "SELECT id, name FROM account WHERE removed_at IS NULL AND status = 'ACTIVE' AND NOT is_management ORDER BY id LIMIT 1",
  );
  const accountId = member?.id ?? "";
  const userName = `event-user-${Date.now()}`;

  await restoreSession(page, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Event ingestion" }).click();
  await expect(page.getByRole("heading", { name: "Create an ingest token" })).toBeVisible();
  await expect(page.getByTestId("ingest-stats")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Token name").fill("EventBridge e2e");
  await page.getByRole("button", { name: "Create ingest token" }).click();
  const secret = (await page.getByTestId("new-ingest-token").textContent()) ?? "";
  expect(secret).toMatch(/^oli_/);
  const row = page.getByRole("row", { name: /EventBridge e2e/ }).first();
  await expect(row).toContainText("never");
  const [stored] = await e2eQuery<{ token_hash: string; created_by: string }>(
    "SELECT token_hash, created_by FROM ingest_token WHERE name = 'EventBridge e2e' ORDER BY created_at DESC LIMIT 1",
  );
  expect(stored?.token_hash).not.toContain(secret);

  const runsBefore = await runCount();
  const api = await playwright.request.newContext({ baseURL });
  const event = createUserEvent(accountId, userName);
  const posted = await api.post("/api/v1/events", {
    headers: { authorization: `Bearer ${secret}` },
    data: event,
  });
  expect(posted.status()).toBe(202);
  expect(await posted.json()).toEqual({ accepted: 1, duplicates: 0 });

  const arn = `arn:aws:iam::${accountId}:user/${userName}`;
  await baseExpect
    .poll(
      async () =>
        (
          await e2eQuery<{ status: string }>(
            "SELECT status FROM finding WHERE check_id = 'IAM_LOCAL_USERS' AND resource = $1",
            [arn],
          )
        )[0]?.status,
      { timeout: 30_000 },
    )
    .toBe("open");
  const [finding] = await e2eQuery<{ id: string; title: string; severity: string }>(
    "SELECT id, title, severity FROM finding WHERE check_id = 'IAM_LOCAL_USERS' AND resource = $1",
    [arn],
  );
  expect(await runCount()).toBe(runsBefore);

  await page.goto(`/findings?check=IAM_LOCAL_USERS&account=${accountId}`);
  const shown = page.locator(`[data-finding-id="${finding?.id}"]`);
  await expect(shown).toContainText(finding?.title ?? "");
  await expect(shown).toContainText(finding?.severity ?? "");
  await shown.getByRole("link", { name: finding?.title ?? "" }).click();
  await expect(page.getByTestId("finding-history")).toContainText(
    `from CloudTrail event CreateUser ${event.detail.eventID}`,
  );

  // Revoked in the UI: the same token is refused at once.
  await page.goto("/settings/events");
  await page.getByRole("button", { name: "Revoke ingest token EventBridge e2e" }).first().click();
  await expect(page.getByRole("row", { name: /EventBridge e2e/ }).first()).toContainText("revoked");
  const refused = await api.post("/api/v1/events", {
    headers: { authorization: `Bearer ${secret}` },
    data: createUserEvent(accountId, `${userName}-2`),
  });
  expect(refused.status()).toBe(401);
  await api.dispose();
});
