// The sign-in methods this deployment offers, for the sign-in page.
import "server-only";
import { env } from "@/lib/env";

export function getSignInOptions(): { oidcName: string | null; demo: boolean } {
  return {
    oidcName: env.OIDC_ISSUER ? env.OIDC_PROVIDER_NAME : null,
    demo: env.ORGLENS_DEMO_SIGNIN,
  };
}
