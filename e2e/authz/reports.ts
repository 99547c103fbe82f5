import { analysts, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const REPORTS: Expectations = {
  "GET /api/v1/reports/gap.md": analysts("/api/v1/reports/gap.md"),
};
