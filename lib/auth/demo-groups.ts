// IdP groups of the demo sign-in's users; the demo loader binds them to roles.
export const DEMO_GROUPS = {
  admin: "orglens-demo-admin",
  analyst: "orglens-demo-analyst",
  viewer: "orglens-demo-viewer",
  buLead: "orglens-demo-bu-lead",
} as const;
