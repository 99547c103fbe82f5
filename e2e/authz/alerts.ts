import { admins, analysts, everyone, NO_UUID, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const ALERTS: Expectations = {
  "GET /api/v1/alerts": admins("/api/v1/alerts"),
  "POST /api/v1/alerts/channels": admins("/api/v1/alerts/channels", { body: {} }),
  "PATCH /api/v1/alerts/channels/[id]": admins(`/api/v1/alerts/channels/${NO_UUID}`, { body: {} }),
  "DELETE /api/v1/alerts/channels/[id]": admins(`/api/v1/alerts/channels/${NO_UUID}`, { admin: 404 }),
  "POST /api/v1/alerts/channels/[id]/test": admins(`/api/v1/alerts/channels/${NO_UUID}/test`, { admin: 404 }),
  "POST /api/v1/alerts/rules": admins("/api/v1/alerts/rules", { body: {} }),
  "DELETE /api/v1/alerts/rules/[id]": admins(`/api/v1/alerts/rules/${NO_UUID}`, { admin: 404 }),
  // Budgets
  "GET /api/v1/budgets": analysts("/api/v1/budgets"),
  "POST /api/v1/budgets": admins("/api/v1/budgets", { body: {} }),
  "PATCH /api/v1/budgets/[id]": admins(`/api/v1/budgets/${NO_UUID}`, { body: {} }),
  "DELETE /api/v1/budgets/[id]": admins(`/api/v1/budgets/${NO_UUID}`, { admin: 404 }),
  "POST /api/v1/budgets/import-aws": admins("/api/v1/budgets/import-aws"),
  // Account requests: everyone files and sees their own; admins decide.
  "GET /api/v1/requests": everyone("/api/v1/requests"),
  "POST /api/v1/requests": everyone("/api/v1/requests", { body: {}, token: 403 }),
  "POST /api/v1/requests/[id]/decision": admins(`/api/v1/requests/${NO_UUID}/decision`, { body: { decision: "approve" }, admin: 404 }),
  "POST /api/v1/requests/sync": admins("/api/v1/requests/sync"),
  "GET /api/v1/requests/settings": admins("/api/v1/requests/settings"),
  "PUT /api/v1/requests/settings": admins("/api/v1/requests/settings", { body: { createAccounts: "nope" } }),
};
