// The app's next-auth options: lib/auth's sign-in set-up, with every sign-in written to the audit trail.
import "server-only";
import { createAuthOptions } from "@/lib/auth/options";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export const authOptions = createAuthOptions({
  onSignIn: ({ who, provider }) =>
    recordAuditEvent({ actor: who, action: "auth.sign_in", target: provider, detail: {} }),
});
