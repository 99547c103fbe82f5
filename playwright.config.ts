import { defineConfig, devices } from "@playwright/test";
import { e2eBaseUrl, e2ePort } from "./testing/e2e-env";
import { CHROMIUM } from "./testing/setup/chromium";
import { slotted } from "./testing/slot";

const port = e2ePort();
const baseURL = e2eBaseUrl(port);

export default defineConfig({
  testDir: "e2e",
  outputDir: slotted("test-results"),
  // A cold production server answers its first requests slowly; assertions wait up to 15 s.
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One worker: specs share the server's database, and the machine has two cores for server and browser.
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL,
    // The app refuses cookie-authenticated writes without its own Origin (CSRF); a browser sends it,
    // Playwright's API requests (page.request, the request fixture) would not.
    extraHTTPHeaders: { origin: baseURL },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable from here.
      executablePath: CHROMIUM,
      args: [
        // The app must work offline; any request leaving the machine fails fast instead of hanging.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Each role signs in once through the real sign-in page (e2e/auth.setup.ts); the specs reuse its session.
    // The first requests to a cold production server compile and cache its routes: the setup allows for that.
    {
      name: "setup",
      testMatch: /\/e2e\/auth\.setup\.ts$/,
      timeout: 120_000,
      expect: { timeout: 60_000 },
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "chromium",
      testIgnore: /responsive\//,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"] },
    },
    // Every page on a common phone and on a wall screen (e2e/responsive), signed in once per role.
    // The first requests to a cold production server compile and cache its routes: the setup allows for that.
    {
      name: "responsive-setup",
      testMatch: /responsive\/auth\.setup\.ts$/,
      timeout: 120_000,
      expect: { timeout: 60_000 },
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "phone",
      testMatch: /responsive\/(pages|phone-[\w-]+)\.spec\.ts$/,
      dependencies: ["responsive-setup"],
      // Each page test waits for the data, measures overflow, runs axe over the whole page and keeps a
      // screenshot: the budgets and account pages alone take ~20 s of axe on two busy cores.
      timeout: 60_000,
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
    {
      name: "wall",
      testMatch: /responsive\/(pages|wall)\.spec\.ts$/,
      dependencies: ["responsive-setup"],
      timeout: 60_000,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1920, height: 1080 } },
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: baseURL,
    env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    // The first `next build` takes up to a minute on two cores, plus migrations and the demo load.
    // Generous: on a loaded two-core machine a cold Turbopack build alone can take several minutes.
    timeout: 900_000,
    stdout: "pipe",
    stderr: "pipe",
    // Lets the server stop Postgres and delete its throw-away cluster instead of being SIGKILLed.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
