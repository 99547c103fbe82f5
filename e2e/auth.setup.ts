// Signs each role in once per run through the real sign-in page and stores its session; the specs
// then start signed in (restoreSession in ./support/auth), and only e2e/sign-in.spec.ts walks the sign-in flow.
import { test as setup } from "@playwright/test";
import { ROLES, storageStatePath } from "./support/auth";
import { signInAs } from "./support/sign-in-ui";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAs(page, role);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
