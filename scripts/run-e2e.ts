/**
 * `npm run test:e2e`: Playwright against a fresh fleet, then the secret check
 * over everything the run logged — Playwright's output (which carries the web
 * server's: the launcher, the fleet, the app's pino lines), the fleet's
 * logs/ (engine.log, every postgres log, the store's) and events.jsonl — for
 * every secret the run created. The check runs after Playwright has exited,
 * so the web server and the fleet have shut down and flushed their logs; the
 * data directory is deleted only then (kept when a secret leaked, to look at).
 *
 * Arguments are passed to `playwright test`.
 */
import { spawn } from "node:child_process";
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_ADMIN, E2E_NEW_PASSWORDS, E2E_USERS, WRONG_PASSWORD_ATTEMPTS, wrongPassword } from "../e2e/auth-files";
import { checkSecretsInLogs, report } from "./check-secrets-in-logs";
import type { NamedSecret } from "./secret-scan/collect-secrets";

const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`);

/** The passwords the e2e specs type (set through the environment or typed in forms), right and wrong. */
function passwordsTheSpecsType(): NamedSecret[] {
  return [
    { name: "e2e admin password", value: E2E_ADMIN.password },
    { name: "e2e admin's chosen password", value: E2E_ADMIN.chosenPassword },
    ...Object.entries(E2E_USERS).map(([role, user]) => ({ name: `e2e ${role} password`, value: user.password })),
    ...Object.entries(E2E_NEW_PASSWORDS).map(([when, value]) => ({ name: `e2e ${when} password`, value })),
    ...Array.from({ length: WRONG_PASSWORD_ATTEMPTS }, (_, i) => ({
      name: `wrong password #${i + 1}`,
      value: wrongPassword(i + 1),
    })),
  ];
}

async function runPlaywright(dataDir: string, outputFile: string): Promise<number> {
  const output = createWriteStream(outputFile);
  // The binary itself, not npx: signals forwarded below must reach Playwright, not a wrapper.
  const bin = path.join(import.meta.dirname, "..", "node_modules", ".bin", "playwright");
  const child = spawn(bin, ["test", ...process.argv.slice(2)], {
    env: { ...process.env, RDSDECK_E2E_DATA_DIR: dataDir },
    stdio: ["inherit", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    output.write(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    output.write(chunk);
  });
  // Ctrl-C reaches Playwright through the process group too; a SIGTERM sent to this process alone must as well.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  await new Promise<void>((resolve) => output.end(resolve));
  return code;
}

async function main(): Promise<number> {
  // Under the temp dir with this prefix: e2e/local-fleet-files.ts refuses any other.
  const dataDir = mkdtempSync(path.join(tmpdir(), "rdsdeck-e2e-"));
  chmodSync(dataDir, 0o711); // postgres, dropped to an unprivileged account, must traverse it
  mkdirSync(path.join(dataDir, "e2e"));
  const outputFile = path.join(dataDir, "e2e", "playwright-output.log");
  const playwright = await runPlaywright(dataDir, outputFile);

  let secretsClean = false;
  try {
    const check = checkSecretsInLogs(dataDir, [outputFile], passwordsTheSpecsType());
    say(report(check));
    secretsClean = check.leaks.length === 0;
  } catch (error) {
    // A run that never created its fleet has no secrets to check (Playwright's failure says why); a passing one must.
    say(`secret check could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (secretsClean) rmSync(dataDir, { recursive: true, force: true });
  else say(`data directory kept for inspection: ${dataDir}`);
  if (playwright !== 0) return playwright;
  return secretsClean ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
