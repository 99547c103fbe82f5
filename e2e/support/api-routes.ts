// Every route handler under app/api, with the HTTP methods its route.ts exports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const API_DIR = path.join(import.meta.dirname, "..", "..", "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface ApiRoute {
  /** URL pattern with Next's segment syntax, e.g. "/api/tokens/[id]". */
  pattern: string;
  methods: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name === "route.ts" ? [full] : [];
  });
}

export function listApiRoutes(): ApiRoute[] {
  return walk(API_DIR)
    .map((file) => {
      const rel = path.relative(path.join(API_DIR, ".."), path.dirname(file));
      const pattern =
        "/" +
        rel
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s))
          .join("/");
      const src = readFileSync(file, "utf8");
      const methods = METHODS.filter((m) =>
        new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(src),
      );
      return { pattern, methods };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}
