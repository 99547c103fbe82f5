// Signs each role in once, at a desktop width (the sign-in check reads the sidebar's user menu), and
// keeps the session for the phone and wall projects, which open every page as that role.
import { test as setup } from "@playwright/test";
import { storageStatePath, type TestRole } from "../support/auth";
import { signInAs } from "../support/sign-in-ui";

const ROLES_USED: TestRole[] = ["admin", "analyst", "viewer"];

for (const role of ROLES_USED) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAs(page, role);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
