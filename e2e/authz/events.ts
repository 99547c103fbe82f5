// Event ingestion: the events endpoint takes an ingest token only, so every session and API token is
// refused (401) like an anonymous caller; its tokens are org-wide settings.
import { NO_UUID, orgAdmins, type Expectations } from "./types";

const PROBE_EVENT = {
  version: "0",
  id: "authz-matrix-probe",
  "detail-type": "AWS API Call via CloudTrail",
  source: "aws.iam",
  account: "111111111111",
  time: "2026-12-02T09:00:00Z",
  region: "us-east-1",
  resources: [],
  detail: {
    eventSource: "iam.amazonaws.com",
    eventName: "CreateUser",
    eventTime: "2026-12-02T09:00:00Z",
    requestParameters: { userName: "authz-probe" },
  },
};

export const EVENTS: Expectations = {
  "POST /api/v1/events": {
    url: "/api/v1/events",
    body: PROBE_EVENT,
    anonymous: 401,
    viewer: 401,
    analyst: 401,
    admin: 401,
    scoped: 401,
    scopedAdmin: 401,
    scopedAnalyst: 401,
    token: 401,
  },
  "GET /api/v1/event-tokens": orgAdmins("/api/v1/event-tokens"),
  // A valid body, so the scoped admin's 403 comes from the server function, not from input validation.
  "POST /api/v1/event-tokens": orgAdmins("/api/v1/event-tokens", {
    body: { name: "authz matrix probe" },
  }),
  "DELETE /api/v1/event-tokens/[id]": orgAdmins(`/api/v1/event-tokens/${NO_UUID}`, {
    admin: 404,
  }),
};
