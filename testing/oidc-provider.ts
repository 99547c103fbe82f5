// A real OpenID Connect provider on loopback for sign-in tests (npm oidc-provider, dev login form:
// any login/password). Users' groups drive OrgLens role mapping.
import type { Server } from "node:http";
import Provider from "oidc-provider";

export interface TestUser {
  name: string;
  groups: string[];
}

export interface OidcOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Keyed by the login typed in the form; unknown logins get no groups. */
  users: Record<string, TestUser>;
}

export async function startOidcProvider(
  opts: OidcOptions,
): Promise<{ issuer: string; stop(): Promise<void> }> {
  const issuer = `http://localhost:${opts.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    // Put email, name and groups in the id_token itself (next-auth reads the id_token's claims).
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["orglens-test-idp-cookie-key"] },
    findAccount(_ctx, sub) {
      const user = opts.users[sub];
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: sub,
          email_verified: true,
          name: user?.name ?? sub,
          groups: user?.groups ?? [],
        }),
      };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(opts.port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
