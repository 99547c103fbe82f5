// How `npm run start` starts the production server, for the benchmark to serve the same way.

/**
 * The Node arguments of `npm run start` ("node <flags> node_modules/next/dist/bin/next start"), so
 * the benchmark serves with the production defaults (heap limit) and measures one process, as a
 * deployment that runs that command does.
 */
export function productionStartArgs(startScript: string): string[] {
  const parts = startScript.trim().split(/\s+/);
  if (parts[0] !== "node" || parts.at(-1) !== "start")
    throw new Error(`package.json "start" is not "node … next start": ${startScript}`);
  return parts.slice(1);
}
