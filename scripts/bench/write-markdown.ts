// Every part of the bench that writes BENCHMARKS.md goes through here, so the file it leaves is
// already in the repository's Prettier style (the format check in `npm test` and CI reads it).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function writeMarkdown(file: string, text: string): void {
  writeFileSync(file, text);
  execFileSync(
    process.execPath,
    [require.resolve("prettier/bin/prettier.cjs"), "--write", "--log-level", "warn", file],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}
