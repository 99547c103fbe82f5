import { analysts, everyone, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const COSTS: Expectations = {
  "GET /api/v1/costs": everyone("/api/v1/costs?groupBy=service&from=2026-01&to=2026-02"),
  "GET /api/v1/costs/tag-keys": everyone("/api/v1/costs/tag-keys"),
  "GET /api/v1/costs/export": analysts(
    "/api/v1/costs/export?groupBy=service&from=2026-01&to=2026-02",
  ),
};
