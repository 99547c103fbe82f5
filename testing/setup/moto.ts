import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { localMotoPythonPath, motoDir, motoPython, SYSTEM_PYTHON } from "../moto-python";
import { aptInstall, isRootOnDebian, missingDebPackages, run, succeeds } from "./system";

// moto's runtime dependencies, all in bookworm; only moto itself is too old there.
const DEPENDENCIES = [
  "python3-boto3",
  "python3-botocore",
  "python3-flask",
  "python3-flask-cors",
  "python3-werkzeug",
  "python3-jinja2",
  "python3-dateutil",
  "python3-responses",
  "python3-requests",
  "python3-xmltodict",
  "python3-cryptography",
  "python3-yaml",
];

// A private apt state (lists, cache, sources) lets us fetch trixie's moto without touching the
// machine's apt sources; the package is pure Python and works on bookworm's interpreter.
const TRIXIE_SOURCE = "deb http://deb.debian.org/debian trixie main\n";

function motoWorks(): boolean {
  const { command, env } = motoPython();
  return succeeds(command, ["-c", "import moto.server"], env);
}

function aptOptions(dir: string): string[] {
  const settings = [
    `Dir::Etc::sourcelist=${path.join(dir, "apt", "sources.list")}`,
    "Dir::Etc::sourceparts=/nonexistent",
    `Dir::State::Lists=${path.join(dir, "apt", "lists")}`,
    `Dir::Cache=${path.join(dir, "apt", "cache")}`,
    "APT::Sandbox::User=root",
  ];
  return settings.flatMap((setting) => ["-o", setting]);
}

function unpackTrixieMoto(): void {
  const dir = motoDir();
  for (const sub of ["apt/lists/partial", "apt/cache/archives/partial", "root"]) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  writeFileSync(path.join(dir, "apt", "sources.list"), TRIXIE_SOURCE);
  const options = aptOptions(dir);
  run("apt-get", [...options, "update"]);
  run("apt-get", [...options, "download", "python3-moto"], { cwd: dir });
  const debs = readdirSync(dir).filter((name) => /^python3-moto_.*_all\.deb$/.test(name));
  const deb = debs.sort().at(-1);
  if (!deb) throw new Error(`apt-get download python3-moto left no .deb in ${dir}`);
  run("dpkg", ["-x", path.join(dir, deb), path.join(dir, "root")]);
}

/** Returns an instruction for the user when moto is missing and cannot be installed here. */
export function ensureMoto(): string | undefined {
  // Pin the emulator where we can: moto versions differ in what they implement (5.2 answers
  // Security Hub ListMembers, 5.1 does not), so every Debian machine runs the same unpacked 5.1.1.
  if (existsSync(path.join(localMotoPythonPath(), "moto")) && motoWorks()) return undefined;
  if (isRootOnDebian()) {
    installDebianMoto();
    return undefined;
  }
  if (motoWorks()) return undefined;
  return "moto (AWS API emulator) is missing. Install it with: pip install 'moto[server]==5.1.1'";
}

/** Debian's moto with its dependencies, unpacked under .data/moto. */
function installDebianMoto(): void {
  const started = Date.now();
  aptInstall(missingDebPackages(DEPENDENCIES), { noRecommends: true });
  unpackTrixieMoto();
  if (!motoWorks()) {
    throw new Error(
      `moto was installed but '${SYSTEM_PYTHON} -c "import moto.server"' still fails`,
    );
  }
  console.log(`moto installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
