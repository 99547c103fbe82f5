// Security headers: every page and API answer carries them, and the Content-Security-Policy is one the
// pages actually satisfy (Chromium reports no violation on any dashboard page).
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "../../testing/e2e-db";
import { signInAs } from "../support/sign-in-ui";

// Page loads in a cold production server on a shared two-core machine can take many seconds each.
test.describe.configure({ timeout: 120_000 });

function expectCommonHeaders(headers: Record<string, string>, what: string): void {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\)/);
  expect(headers["content-security-policy"], what).toMatch(/frame-ancestors 'none'/);
}

/** Collects CSP violations the page reports, from the DOM event and from the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (line: string) => void violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { reportCspViolation: (line: string) => void })
        .reportCspViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("pages send a nonce-based CSP and the other security headers", async ({ page }) => {
  const res = await page.goto("/signin");
  const headers = res?.headers() ?? {};
  expectCommonHeaders(headers, "/signin");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(csp).toMatch(/object-src 'none'/);
  const again = (await page.goto("/signin"))?.headers()["content-security-policy"];
  expect(again, "a fresh nonce per response").not.toBe(csp);
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("API answers carry the headers too, and HSTS when the request came over https", async ({
  request,
}) => {
  const plain = await request.get("/api/v1/overview");
  expectCommonHeaders(plain.headers(), "/api/v1/overview");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const tls = await request.get("/api/v1/overview", { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  const page = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(page.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
});

test("no page logs a CSP violation in Chromium", async ({ page }) => {
  test.setTimeout(300_000);
  const violations = await watchCsp(page);
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Continue as Admin/ })).toBeVisible();
  await signInAs(page, "admin");
  const [account] = await e2eQuery<{ id: string }>("SELECT id FROM account ORDER BY id LIMIT 1");
  const [finding] = await e2eQuery<{ id: string }>("SELECT id FROM finding ORDER BY id LIMIT 1");
  const [run] = await e2eQuery<{ id: string }>(
    "SELECT id FROM collection_run ORDER BY started_at DESC LIMIT 1",
  );
  const pages = [
    "/no-such-page",
    "/",
    "/organization",
    "/costs",
    `/accounts/${account?.id}`,
    "/findings",
    `/findings/${finding?.id}`,
    "/budgets",
    "/chargeback",
    "/requests",
    "/runs",
    `/runs/${run?.id}`,
    "/settings",
    "/settings/access",
    "/settings/alerts",
    "/settings/audit",
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The pages hydrated (their scripts ran): the theme toggle and React Query data are interactive.
  await expect(page.getByTestId("user-role")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the app cannot be framed by another site", async ({ page }) => {
  const res = await page.goto("/signin");
  expect(res?.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(res?.headers()["x-frame-options"]).toBe("DENY");
});
