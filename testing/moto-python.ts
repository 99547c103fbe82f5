// Where the moto server's Python lives. Shared by the setup script (which installs it) and
// startMoto (which runs it), so both agree on one interpreter and one PYTHONPATH.
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./root";

/** Debian's interpreter: a pyenv `python3` earlier on PATH cannot see Debian's python3-* packages. */
export const SYSTEM_PYTHON = "/usr/bin/python3";

/** Folder holding the Debian moto package unpacked with `dpkg -x` (no system-wide install needed). */
export function motoDir(): string {
  return path.join(ROOT, ".data", "moto");
}

export function localMotoPythonPath(): string {
  return path.join(motoDir(), "root", "usr", "lib", "python3", "dist-packages");
}

export interface MotoPython {
  command: string;
  env: NodeJS.ProcessEnv;
}

/** The unpacked Debian copy when present, else whatever `python3` on PATH has (e.g. a pip-installed moto). */
export function motoPython(baseEnv: NodeJS.ProcessEnv = process.env): MotoPython {
  const local = localMotoPythonPath();
  if (existsSync(path.join(local, "moto"))) {
    const inherited = baseEnv.PYTHONPATH ? `${path.delimiter}${baseEnv.PYTHONPATH}` : "";
    return { command: SYSTEM_PYTHON, env: { ...baseEnv, PYTHONPATH: `${local}${inherited}` } };
  }
  return { command: "python3", env: baseEnv };
}
