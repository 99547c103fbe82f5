// `npm test`'s pretest: makes a fresh machine able to run every test layer. Idempotent, and a
// no-op taking well under a second once everything is in place.
import { ensureChromium } from "../testing/setup/chromium";
import { ensureMoto } from "../testing/setup/moto";

const instructions = [ensureChromium(), ensureMoto()].filter((s): s is string => s !== undefined);
if (instructions.length > 0) {
  console.error("Test prerequisites are missing:");
  for (const line of instructions) console.error(`  - ${line}`);
  process.exit(1);
}
