import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function isRootOnDebian(): boolean {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  return root && existsSync("/etc/debian_version");
}

/** Runs a command with output on screen; throws when it fails so setup stops with the real cause. */
export function run(command: string, args: string[], options: { cwd?: string } = {}): void {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    cwd: options.cwd,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

/** True when the command exits 0; output is swallowed because only the answer matters. */
export function succeeds(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const result = spawnSync(command, args, { stdio: "ignore", env });
  return !result.error && result.status === 0;
}

let aptUpdated = false;

/** apt-get update is the slow part of any install, so one setup run does it at most once. */
export function aptUpdateOnce(): void {
  if (aptUpdated) return;
  run("apt-get", ["update"]);
  aptUpdated = true;
}

export function aptInstall(packages: string[], options: { noRecommends?: boolean } = {}): void {
  if (packages.length === 0) return;
  aptUpdateOnce();
  const flags = options.noRecommends ? ["--no-install-recommends"] : [];
  run("apt-get", ["install", "-y", ...flags, ...packages]);
}

/** Debian packages from the list that dpkg does not report as installed. */
export function missingDebPackages(packages: string[]): string[] {
  return packages.filter((name) => {
    const result = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
    return result.status !== 0 || !result.stdout.includes("install ok installed");
  });
}
