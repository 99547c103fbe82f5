import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { productionStartArgs } from "./start-args";

describe("production start arguments", () => {
  it("are the Node flags and the Next.js start command of package.json, with a heap limit", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
    const args = productionStartArgs(pkg.scripts.start);
    expect(args.at(-1)).toBe("start");
    expect(args.at(-2)).toBe("node_modules/next/dist/bin/next");
    expect(args.find((a) => a.startsWith("--max-old-space-size="))).toBeDefined();
  });

  it("refuse a start script that is not one Node process running next start", () => {
    expect(() => productionStartArgs("next start")).toThrow(/not "node … next start"/);
    expect(() => productionStartArgs("node server.js")).toThrow(/not "node … next start"/);
  });
});
