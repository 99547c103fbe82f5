// The demo as a source of the collection pipeline (lib/collect/collect.ts): the same steps as an AWS
// run follow its snapshot, so the demo shows what a real organization would.
import type { Source } from "@/lib/collect/collect";
import { generatePastDemoSnapshot, type PastDemoOptions } from "./past-snapshot";

/** `onGenerated` hears when the snapshot looks (a history run is dated then, not at load time). */
export function demoSource(
  opts: PastDemoOptions,
  onGenerated?: (collectedAt: Date) => void,
): Source {
  const accounts = opts.accounts;
  const when = opts.monthsAgo ? ` (${opts.monthsAgo} months ago)` : "";
  return {
    name: "demo",
    produce: ({ progress }) => {
      progress({ phase: `generating the demo organization${when}`, done: 0, total: accounts ?? 0 });
      const snapshot = generatePastDemoSnapshot(opts);
      onGenerated?.(new Date(snapshot.collectedAt));
      const total = snapshot.accounts.length;
      progress({ phase: `generated the demo organization${when}`, done: total, total });
      return Promise.resolve(snapshot);
    },
  };
}
