import { admins, analysts, everyone, NO_UUID, orgAdmins, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
// Empty bodies are rejected (400) before any server function runs: they prove the guard let the caller in.
export const ALERTS: Expectations = {
  // Scoped admins see the channels by name and the rules of their OUs only.
  "GET /api/v1/alerts": admins("/api/v1/alerts"),
  "POST /api/v1/alerts/channels": orgAdmins("/api/v1/alerts/channels", {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "PATCH /api/v1/alerts/channels/[id]": orgAdmins(`/api/v1/alerts/channels/${NO_UUID}`, {
    body: {},
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
  "DELETE /api/v1/alerts/channels/[id]": orgAdmins(`/api/v1/alerts/channels/${NO_UUID}`, {
    admin: 404,
  }),
  "POST /api/v1/alerts/channels/[id]/test": orgAdmins(`/api/v1/alerts/channels/${NO_UUID}/test`, {
    admin: 404,
  }),
  "POST /api/v1/alerts/rules": admins("/api/v1/alerts/rules", { body: {}, allowedStatus: 400 }),
  "DELETE /api/v1/alerts/rules/[id]": admins(`/api/v1/alerts/rules/${NO_UUID}`, {
    allowedStatus: 404,
  }),
  // Budgets: scoped admins within their OUs.
  "GET /api/v1/budgets": analysts("/api/v1/budgets"),
  "POST /api/v1/budgets": admins("/api/v1/budgets", { body: {}, allowedStatus: 400 }),
  "PATCH /api/v1/budgets/[id]": admins(`/api/v1/budgets/${NO_UUID}`, {
    body: {},
    allowedStatus: 400,
  }),
  "DELETE /api/v1/budgets/[id]": admins(`/api/v1/budgets/${NO_UUID}`, { allowedStatus: 404 }),
  "POST /api/v1/budgets/import-aws": admins("/api/v1/budgets/import-aws"),
  // Account requests: everyone files and sees their own; admins decide, scoped ones within their OUs.
  "GET /api/v1/requests": everyone("/api/v1/requests"),
  "POST /api/v1/requests": everyone("/api/v1/requests", {
    body: {},
    allowedStatus: 400,
    token: 403,
  }),
  "POST /api/v1/requests/[id]/decision": admins(`/api/v1/requests/${NO_UUID}/decision`, {
    body: { decision: "approve" },
    allowedStatus: 404,
  }),
  "POST /api/v1/requests/[id]/retry": admins(`/api/v1/requests/${NO_UUID}/retry`, {
    allowedStatus: 404,
  }),
  "POST /api/v1/requests/[id]/link": admins(`/api/v1/requests/${NO_UUID}/link`, {
    body: { accountId: "123456789012" },
    allowedStatus: 404,
  }),
  "POST /api/v1/requests/sync": admins("/api/v1/requests/sync"),
  "GET /api/v1/requests/settings": orgAdmins("/api/v1/requests/settings"),
  "PUT /api/v1/requests/settings": orgAdmins("/api/v1/requests/settings", {
    body: { createAccounts: "nope" },
    allowedStatus: 400,
    scopedAdmin: 400,
  }),
};
