import { admins, everyone, NO_UUID, type Expectations } from "./types";

export const CORE: Expectations = {
  "GET /api/v1/overview": everyone("/api/v1/overview"),
  "GET /api/v1/kpis": everyone("/api/v1/kpis?months=6"),
  "GET /api/tokens": everyone("/api/tokens"),
  "POST /api/tokens": everyone("/api/tokens", { body: {}, token: 403 }),
  "DELETE /api/tokens/[id]": everyone(`/api/tokens/${NO_UUID}`, { viewer: 404, analyst: 404, admin: 404, scoped: 404, token: 403 }),
  "GET /api/audit": admins("/api/audit"),
  "GET /api/settings/role-bindings": admins("/api/settings/role-bindings"),
  "POST /api/settings/role-bindings": admins("/api/settings/role-bindings", { body: {} }),
  "DELETE /api/settings/role-bindings/[id]": admins(`/api/settings/role-bindings/${NO_UUID}`, { admin: 404 }),
};
