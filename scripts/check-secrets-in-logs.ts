/**
 * Fails when a secret of a test run appears in any of its logs.
 *
 *   tsx scripts/check-secrets-in-logs.ts <data dir> [captured output file…]
 *
 * The secrets come from the data directory (see secret-scan/collect-secrets.ts);
 * the logs are the directory's own (logs/, events.jsonl) plus the captured
 * output files given (the e2e run's, with the web server's and the app's lines).
 */
import { collectRunSecrets, type NamedSecret } from "./secret-scan/collect-secrets";
import { findLeaks, type Leak } from "./secret-scan/find-leaks";
import { logFilesOf } from "./secret-scan/log-files";

export type SecretCheck = { secrets: number; files: string[]; leaks: Leak[] };

export function checkSecretsInLogs(
  dataDir: string,
  capturedOutput: readonly string[],
  known: readonly NamedSecret[] = [],
): SecretCheck {
  const secrets = collectRunSecrets(dataDir, known);
  const files = [...logFilesOf(dataDir), ...capturedOutput];
  // A check with nothing to read would pass for the wrong reason.
  if (files.length === 0) throw new Error(`no logs to check in ${dataDir}`);
  return { secrets: secrets.length, files, leaks: findLeaks(secrets, files) };
}

export function report(check: SecretCheck): string {
  if (check.leaks.length === 0) {
    return `secrets: none of ${check.secrets} secrets appears in ${check.files.length} log files`;
  }
  return [
    `secrets: ${check.leaks.length} leak(s) of this run's secrets:`,
    ...check.leaks.map((l) => `  ${l.secret} (${l.form}) in ${l.file}:${l.line}`),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dataDir, ...captured] = process.argv.slice(2);
  if (!dataDir) {
    process.stderr.write("usage: tsx scripts/check-secrets-in-logs.ts <data dir> [captured output file…]\n");
    process.exit(2);
  }
  const check = checkSecretsInLogs(dataDir, captured);
  process.stdout.write(`${report(check)}\n`);
  process.exit(check.leaks.length === 0 ? 0 : 1);
}
