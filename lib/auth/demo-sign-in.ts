// The demo sign-in's users and its authorize step. The environment is checked again at every sign-in,
// not only when the provider list was built: a production process never signs a demo user in unless
// the deployment is explicitly a demo.
import { z } from "zod";
import { demoSignInAllowed, type DemoSignInEnv } from "@/lib/env-schema";
import { DEMO_GROUPS } from "./demo-groups";
import { ROLES } from "@/lib/domain/access";

/** Demo users: one per role, plus an OU-scoped business-unit lead (scope resolved from its group). */
export const DEMO_USERS = {
  admin: { email: "admin@demo.orglens", name: "Demo Admin", groups: [DEMO_GROUPS.admin] },
  analyst: { email: "analyst@demo.orglens", name: "Demo Analyst", groups: [DEMO_GROUPS.analyst] },
  viewer: { email: "viewer@demo.orglens", name: "Demo Viewer", groups: [DEMO_GROUPS.viewer] },
  scoped: { email: "bu-lead@demo.orglens", name: "Demo BU Lead", groups: [DEMO_GROUPS.buLead] },
} as const;

const ZRole = z.enum([...ROLES, "scoped"]);

export function authorizeDemo(
  credentials: Record<string, string> | undefined,
  runtime: DemoSignInEnv,
) {
  if (!demoSignInAllowed(runtime)) return null;
  const role = ZRole.safeParse(credentials?.role);
  if (!role.success) return null;
  const user = DEMO_USERS[role.data];
  return { id: user.email, ...user, groups: [...user.groups] };
}
