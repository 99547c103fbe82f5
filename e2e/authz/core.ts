import { everyone, NO_UUID, orgAdmins, type Expectations } from "./types";

/** A valid, harmless role binding: a viewer binding for a group nobody has. */
const PROBE_BINDING = { group: "authz-matrix-probe", role: "viewer", ouIds: [] };

export const CORE: Expectations = {
  "GET /api/v1/overview": everyone("/api/v1/overview"),
  "GET /api/v1/kpis": everyone("/api/v1/kpis?months=6"),
  "GET /api/tokens": everyone("/api/tokens"),
  "POST /api/tokens": everyone("/api/tokens", { body: {}, allowedStatus: 400, token: 403 }),
  // Someone else's (here: no) token is "not found", whoever asks.
  "DELETE /api/tokens/[id]": everyone(`/api/tokens/${NO_UUID}`, { allowedStatus: 404, token: 403 }),
  "GET /api/audit": orgAdmins("/api/audit"),
  "GET /api/settings/role-bindings": orgAdmins("/api/settings/role-bindings"),
  // A valid body, so the scoped admin's 403 comes from the server function, not from input validation.
  "POST /api/settings/role-bindings": orgAdmins("/api/settings/role-bindings", {
    body: PROBE_BINDING,
  }),
  "DELETE /api/settings/role-bindings/[id]": orgAdmins(`/api/settings/role-bindings/${NO_UUID}`, {
    admin: 404,
  }),
};
