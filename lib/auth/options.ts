// next-auth configuration: a generic OpenID Connect provider (authorization code + PKCE + state) and,
// only when explicitly enabled outside production, a demo sign-in that picks a role.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { DEMO_GROUPS } from "./demo-groups";
import { ROLES } from "./roles";

const ZProfile = z.looseObject({ sub: z.string(), email: z.string().optional(), name: z.string().optional(), preferred_username: z.string().optional() });
const ZGroups = z.union([z.array(z.string()), z.string().transform((s) => s.split(",").map((g) => g.trim()))]);

/** Demo users: one per role, plus an OU-scoped business-unit lead (scope resolved from its group). */
export const DEMO_USERS = {
  admin: { email: "admin@demo.orglens", name: "Demo Admin", groups: [DEMO_GROUPS.admin] },
  analyst: { email: "analyst@demo.orglens", name: "Demo Analyst", groups: [DEMO_GROUPS.analyst] },
  viewer: { email: "viewer@demo.orglens", name: "Demo Viewer", groups: [DEMO_GROUPS.viewer] },
  scoped: { email: "bu-lead@demo.orglens", name: "Demo BU Lead", groups: [DEMO_GROUPS.buLead] },
} as const;

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
      profile(raw: unknown) {
        const p = ZProfile.parse(raw);
        const groups = ZGroups.safeParse(p[env.OIDC_GROUPS_CLAIM]);
        return { id: p.sub, email: p.email ?? p.preferred_username ?? p.sub, name: p.name ?? null, groups: groups.success ? groups.data : [] };
      },
    });
  }
  if (env.ORGLENS_DEMO_SIGNIN) {
    list.push(
      CredentialsProvider({
        id: "demo",
        name: "Demo",
        credentials: { role: { label: "Role", type: "text" } },
        authorize(credentials) {
          const role = z.enum([...ROLES, "scoped"]).safeParse(credentials?.role);
          if (!role.success) return null;
          const user = DEMO_USERS[role.data];
          return { id: user.email, ...user, groups: [...user.groups] };
        },
      }),
    );
  }
  return list;
}

const ZUserGroups = z.object({ groups: z.array(z.string()) });

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: providers(),
  callbacks: {
    jwt({ token, user }) {
      // Groups are kept in the token; role and scope are resolved per request from the bindings,
      // so an admin's change takes effect at once.
      if (user) {
        const g = ZUserGroups.safeParse(user);
        token.groups = g.success ? g.data.groups : [];
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, groups: Array.isArray(token.groups) ? token.groups : [] };
    },
  },
  events: {
    async signIn({ user, account }) {
      await recordAuditEvent({ actor: user.email ?? user.id, action: "auth.sign_in", target: account?.provider ?? null, detail: {} });
    },
  },
};
