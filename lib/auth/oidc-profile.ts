// The OpenID Connect profile → the user next-auth keeps. Only an `email` claim the provider marks
// verified (`email_verified: true`) counts as the user's verified email: bootstrap admin emails are
// matched against it alone, never against preferred_username or sub, which many providers let users
// choose.
import { z } from "zod";

const ZProfile = z.looseObject({
  sub: z.string(),
  email: z.string().optional(),
  email_verified: z.unknown().optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
});
const ZGroups = z.union([
  z.array(z.string()),
  z.string().transform((s) => s.split(",").map((g) => g.trim())),
]);

export interface OidcUser {
  id: string;
  /** A name to show and audit by: the email claim, else the username, else the subject. */
  email: string;
  verifiedEmail: string | null;
  name: string | null;
  groups: string[];
}

export function mapOidcProfile(raw: unknown, groupsClaim: string): OidcUser {
  const p = ZProfile.parse(raw);
  const groups = ZGroups.safeParse(p[groupsClaim]);
  return {
    id: p.sub,
    email: p.email ?? p.preferred_username ?? p.sub,
    verifiedEmail: p.email && p.email_verified === true ? p.email : null,
    name: p.name ?? null,
    groups: groups.success ? groups.data : [],
  };
}
