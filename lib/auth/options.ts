// next-auth configuration: a generic OpenID Connect provider (authorization code + PKCE + state) and,
// only in a demo deployment or outside production, a demo sign-in that picks a role.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { demoSignInAllowed } from "@/lib/env-schema";
import { authorizeDemo } from "./demo-sign-in";
import { mapOidcProfile } from "./oidc-profile";

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    const issuer = env.OIDC_ISSUER.replace(/\/$/, "");
    list.push({
      id: "oidc",
      name: env.OIDC_PROVIDER_NAME,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: env.OIDC_SCOPES } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (raw: unknown) => mapOidcProfile(raw, env.OIDC_GROUPS_CLAIM),
    });
  }
  if (
    env.ORGLENS_DEMO_SIGNIN &&
    demoSignInAllowed({
      NODE_ENV: env.NODE_ENV,
      ORGLENS_DEPLOYMENT: env.ORGLENS_DEPLOYMENT,
      ORGLENS_DEMO_SIGNIN: "1",
    })
  ) {
    list.push(
      CredentialsProvider({
        id: "demo",
        name: "Demo",
        credentials: { role: { label: "Role", type: "text" } },
        // The environment of this process, read again at sign-in time.
        authorize: (credentials) =>
          authorizeDemo(credentials, {
            NODE_ENV: process.env.NODE_ENV,
            ORGLENS_DEPLOYMENT: process.env.ORGLENS_DEPLOYMENT,
            ORGLENS_DEMO_SIGNIN: process.env.ORGLENS_DEMO_SIGNIN,
          }),
      }),
    );
  }
  return list;
}

const ZUserClaims = z.object({
  groups: z.array(z.string()),
  verifiedEmail: z.string().nullable().optional(),
});

/** What the server does when someone signs in (it audits it); passed in so lib/auth never imports lib/server. */
export interface SignInEvents {
  onSignIn(e: { who: string; provider: string | null }): Promise<void>;
}

export const createAuthOptions = (events: SignInEvents): NextAuthOptions => ({
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: providers(),
  callbacks: {
    jwt({ token, user }) {
      // Groups are kept in the token; role and scope are resolved per request from the bindings,
      // so an admin's change takes effect at once.
      if (user) {
        const claims = ZUserClaims.safeParse(user);
        token.groups = claims.success ? claims.data.groups : [];
        token.verifiedEmail = claims.success ? (claims.data.verifiedEmail ?? null) : null;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        groups: Array.isArray(token.groups) ? token.groups : [],
        verifiedEmail: typeof token.verifiedEmail === "string" ? token.verifiedEmail : null,
      };
    },
  },
  events: {
    async signIn({ user, account }) {
      await events.onSignIn({ who: user.email ?? user.id, provider: account?.provider ?? null });
    },
  },
});
