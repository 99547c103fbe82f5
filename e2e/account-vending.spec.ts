import { expect, test } from "@playwright/test";
import { e2eQuery } from "../testing/e2e-db";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { restoreSession } from "./support/auth";

test.describe.configure({ timeout: 120_000 });

/** An approved request straight in the database (the demo keeps account creation off). */
async function approvedRequest(name: string, vendingStatus: string | null) {
  const [row] = await e2eQuery<{ id: string }>(
    `INSERT INTO account_request (id, name, purpose, environment, target_ou_id, owner, cost_center,
       requested_by, status, decided_by, decided_at, vending_status)
     SELECT gen_random_uuid(), $1, 'e2e vending', 'test', o.id, 'owner@example.com', 'CC-E2E',
       'analyst@demo.orglens', 'approved', 'admin@demo.orglens', now(), $2
     FROM org_unit o WHERE o.parent_id IS NOT NULL AND o.removed_at IS NULL ORDER BY o.path LIMIT 1
     RETURNING id`,
    [name, vendingStatus],
  );
  if (!row) throw new Error("no OU to target");
  return row.id;
}

test("the requests page shows each vending step, and a failed one with its retry", async ({
  page,
}) => {
  const [vending] = await e2eQuery<{ car: string }>(
    "SELECT create_account_request_id AS car FROM account_request WHERE name = 'mobile-staging'",
  );
  expect(vending?.car).toMatch(/^car-/);
  const name = `e2e-vend-${Date.now()}`;
  const failedId = await approvedRequest(name, "failed");
  await e2eQuery(
    `INSERT INTO account_request_step (id, request_id, step, status, at, detail) VALUES
       (gen_random_uuid(), $1, 'create_account', 'ok', now() - interval '3 minutes', 'CreateAccount request car-e2e'),
       (gen_random_uuid(), $1, 'wait_for_account', 'ok', now() - interval '2 minutes', 'Account 123456789012 created'),
       (gen_random_uuid(), $1, 'move_account', 'failed', now() - interval '1 minute', 'TargetNotFoundException: You specified a target that does not exist.')`,
    [failedId],
  );
  try {
    await restoreSession(page, "admin");
    await page.goto("/requests");
    const running = page.getByRole("article", { name: "Request mobile-staging" });
    await expect(running.getByTestId("vending-status")).toHaveText("Creating the account…");
    await expect(running.getByRole("list", { name: "Account creation steps" })).toContainText(
      `CreateAccount request ${vending?.car}`,
    );

    const failed = page.getByRole("article", { name: `Request ${name}` });
    await expect(failed.getByTestId("vending-status")).toHaveText(
      "Account creation failed at step “Moved to OU”",
    );
    const steps = failed
      .getByRole("list", { name: "Account creation steps" })
      .getByRole("listitem");
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(2)).toContainText("TargetNotFoundException");
    await expectNoSeriousA11yViolations(page);
    await failed.scrollIntoViewIfNeeded();
    await saveScreenshot(page, "account-vending");

    // The demo has account creation turned off: the retry is refused and says why.
    await failed.getByRole("button", { name: "Retry from the failed step" }).click();
    await expect(failed.getByRole("alert")).toContainText("Account creation is turned off");
    const [row] = await e2eQuery<{ vending_status: string }>(
      "SELECT vending_status FROM account_request WHERE id = $1",
      [failedId],
    );
    expect(row?.vending_status).toBe("failed");
  } finally {
    await e2eQuery("DELETE FROM account_request WHERE id = $1", [failedId]);
  }
});

test("an account created outside the process is flagged until an admin links it to its request", async ({
  page,
}) => {
  const [finding] = await e2eQuery<{ id: string; account_id: string; name: string }>(
    `SELECT f.id, f.account_id, a.name FROM finding f JOIN account a ON a.id = f.account_id
     WHERE f.check_id = 'ORG_ACCOUNT_UNREQUESTED' AND f.status = 'open'`,
  );
  expect(finding).toBeDefined();
  const findingId = finding?.id ?? "";
  const name = `e2e-link-${Date.now()}`;
  const requestId = await approvedRequest(name, null);
  try {
    await restoreSession(page, "admin");
    await page.goto(`/findings/${findingId}`);
    await expect(
      page.getByRole("heading", {
        name: `${finding?.name} was created without an account request`,
      }),
    ).toBeVisible();
    await expect(page.getByText("created outside OrgLens")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark as known" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Approved request").selectOption(requestId);
    await page.getByRole("button", { name: "Link to request" }).click();
    await expect(
      page.getByText("Resolved: the account is linked to a request or known."),
    ).toBeVisible();

    const [request] = await e2eQuery<{ status: string; account_id: string }>(
      "SELECT status, account_id FROM account_request WHERE id = $1",
      [requestId],
    );
    expect(request).toEqual({ status: "provisioned", account_id: finding?.account_id });
    const [after] = await e2eQuery<{ status: string }>("SELECT status FROM finding WHERE id = $1", [
      findingId,
    ]);
    expect(after?.status).toBe("resolved");
  } finally {
    // Leave the demo as other specs expect it: the request gone, the finding open again.
    await e2eQuery("DELETE FROM account_request WHERE id = $1", [requestId]);
    await e2eQuery(
      "DELETE FROM finding_event WHERE finding_id = $1 AND kind = 'resolved' AND actor IS NOT NULL",
      [findingId],
    );
    await e2eQuery("UPDATE finding SET status = 'open', resolved_at = NULL WHERE id = $1", [
      findingId,
    ]);
  }
});
