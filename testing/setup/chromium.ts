import { existsSync } from "node:fs";
import { aptInstall, isRootOnDebian } from "./system";

export const CHROMIUM = "/usr/bin/chromium";

/** Returns an instruction for the user when Chromium is missing and cannot be installed here. */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (!isRootOnDebian()) {
    return `Chromium is missing at ${CHROMIUM}. Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y chromium`;
  }
  const started = Date.now();
  aptInstall(["chromium"]);
  if (!existsSync(CHROMIUM))
    throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
  console.log(`chromium installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return undefined;
}
