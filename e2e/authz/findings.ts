import type { Expectations } from "./types";

// Routes of this area: "METHOD /api/pattern" → expectation (see types.ts for the helpers).
export const FINDINGS: Expectations = {};
