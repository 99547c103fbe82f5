// Every page under app/, as a URL pattern with Next's segment syntax ("/findings/[id]").
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const APP_DIR = path.join(import.meta.dirname, "..", "..", "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "api" && dir === APP_DIR ? [] : walk(full);
    return name === "page.tsx" ? [full] : [];
  });
}

export function listPageRoutes(): string[] {
  return walk(APP_DIR)
    .map((file) => {
      const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep);
      // Route groups such as "(dashboard)" do not appear in the URL.
      return "/" + segments.filter((s) => s !== "" && !/^\(.*\)$/.test(s)).join("/");
    })
    .sort();
}
