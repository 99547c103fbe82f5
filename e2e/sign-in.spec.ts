import { expect, test } from "@playwright/test";
import { saveScreenshot } from "../testing/e2e-screenshot";
import { expectNoSeriousA11yViolations } from "./support/a11y";

test.describe("sign-in through a real OpenID Connect provider", () => {
  test("signs in with the IdP, lands on the dashboard with the mapped role, and signs out", async ({
    page,
  }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    await saveScreenshot(page, "signin");
    await page.getByRole("button", { name: "Sign in with Test IdP" }).click();

    // oidc-provider's development login form, then its consent screen.
    await page.locator("input[name=login]").fill("alice@corp.example");
    await page.locator("input[name=password]").fill("any-password");
    await page.getByRole("button", { name: /sign-in/i }).click();
    await page.getByRole("button", { name: /continue/i }).click();

    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(page.getByTestId("user-email")).toHaveText("Alice Admin");
    await expect(page.getByTestId("user-role")).toHaveText("admin");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an API answer served with the decoded session cached is refused right after sign-out", async ({
    page,
  }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
    await page.locator("input[name=login]").fill("alice@corp.example");
    await page.locator("input[name=password]").fill("any-password");
    await page.getByRole("button", { name: /sign-in/i }).click();
    await page.getByRole("button", { name: /continue/i }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

    // Twice: the second request is answered with the session decoded by the first.
    for (let i = 0; i < 2; i++) {
      const api = await page.request.get("/api/v1/kpis");
      expect(api.status()).toBe(200);
      expect(api.headers()["server-timing"]).toMatch(/session;dur=[\d.]+.*total;dur=[\d.]+/);
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    // Well within the session cache's 10 s: signing out removed the cookie, so nothing is served.
    const after = await page.request.get("/api/v1/kpis");
    expect(after.status()).toBe(401);
  });

  test("a user whose groups map to no role is told so and gets no data", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
    await page.locator("input[name=login]").fill("nobody@corp.example");
    await page.locator("input[name=password]").fill("x");
    await page.getByRole("button", { name: /sign-in/i }).click();
    await page.getByRole("button", { name: /continue/i }).click();
    await expect(page.getByText(/none of your groups has an OrgLens role/)).toBeVisible();
    const api = await page.request.get("/api/v1/overview");
    expect(api.status()).toBe(403);
  });

  test("the demo sign-in is visibly marked", async ({ page }) => {
    await page.goto("/signin");
    await expect(
      page.getByRole("heading", { name: "Demo sign-in — not for production" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
