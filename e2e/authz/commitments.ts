import { everyone, type Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const COMMITMENTS: Expectations = {
  "GET /api/v1/commitments": everyone("/api/v1/commitments?months=12"),
};
