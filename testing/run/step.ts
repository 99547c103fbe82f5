import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../root";

export interface StepRun {
  code: number;
  seconds: number;
}

/** Environment for every child of `npm test`: no telemetry, no browser downloads. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" };
}

export function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

/** Runs a command with its output on screen; a command that cannot start counts as failed (127). */
export function runStep(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = childEnv(),
): Promise<StepRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    const done = (code: number) => resolve({ code, seconds: (Date.now() - started) / 1000 });
    child.once("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(127);
    });
    child.once("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
