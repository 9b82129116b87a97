/**
 * The secret check must be able to fail: each test plants a secret where a
 * careless log line would put it and expects the check to find it, naming
 * the secret and the line but never printing the secret.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { checkSecretsInLogs, report } from "./check-secrets-in-logs";
import { mintedSecretsFile } from "./secret-scan/collect-secrets";

const CREDENTIALS = {
  master: { username: "dbadmin", password: "master-Pw_0123456789abcdef" },
  admin: { username: "rdsadmin", password: "rdsadmin-Pw_0123456789abc" },
  replication: { username: "rdsrepladmin", password: "repl-Pw_0123456789abcdefg" },
  aws: { accessKeyId: "AKIA0123456789ABCDEF", secretAccessKey: "aws-Secret_0123456789abcdefghijkl" },
  store: {
    admin: { username: "rdsdeck_store_admin", password: "store-admin-Pw_0123456789" },
    owner: { username: "rdsdeck_store_owner", password: "store-owner-Pw_0123456789" },
    app: { username: "rdsdeck", password: "store-app-Pw_0123456789ab" },
    authSecret: "session-Secret_0123456789abcdefghij",
  },
};
const SESSION_COOKIE = "sessTok0123456789abcdef.sig+nature/0123456789=";

let dataDir: string;
let engineLog: string;
let captured: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-secret-check-"));
  writeFileSync(path.join(dataDir, "credentials.json"), JSON.stringify(CREDENTIALS));
  mkdirSync(path.join(dataDir, "logs"));
  mkdirSync(path.join(dataDir, "auth"));
  writeFileSync(
    path.join(dataDir, "auth", "admin.json"),
    JSON.stringify({ cookies: [{ name: "rdsdeck.session_token", value: encodeURIComponent(SESSION_COOKIE) }] }),
  );
  engineLog = path.join(dataDir, "logs", "engine.log");
  writeFileSync(engineLog, `${JSON.stringify({ level: 30, msg: "fleet ready", user: "dbadmin" })}\n`);
  writeFileSync(path.join(dataDir, "logs", "production-myapp.log"), "LOG:  database system is ready\n");
  captured = path.join(dataDir, "playwright-output.log");
  writeFileSync(captured, "[rdsdeck] dashboard on http://127.0.0.1:3100\n");
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("checkSecretsInLogs", () => {
  test("clean logs pass, and the check says how many secrets and files it looked at", () => {
    const check = checkSecretsInLogs(dataDir, [captured]);
    expect(check.leaks).toEqual([]);
    expect(check.secrets).toBe(9);
    expect(check.files).toHaveLength(3);
    expect(report(check)).toBe("secrets: none of 9 secrets appears in 3 log files");
  });

  test("a database password planted in engine.log is found, by name and line, and not printed", () => {
    appendFileSync(engineLog, `{"msg":"connecting","url":"postgres://dbadmin:${CREDENTIALS.master.password}@x"}\n`);
    const check = checkSecretsInLogs(dataDir, [captured]);
    expect(check.leaks).toEqual([{ secret: "master password", file: engineLog, line: 2, form: "as is" }]);
    expect(report(check)).toContain(`master password (as is) in ${engineLog}:2`);
    expect(report(check)).not.toContain(CREDENTIALS.master.password);
  });

  test.each([
    ["the local AWS secret key", CREDENTIALS.aws.secretAccessKey, "local AWS secret access key"],
    ["the session signing secret", CREDENTIALS.store.authSecret, "session signing secret"],
    ["the store's app password", CREDENTIALS.store.app.password, "store app password"],
  ])("%s in the captured web server output is found", (_, secret, name) => {
    appendFileSync(captured, `env: ${secret}\n`);
    expect(checkSecretsInLogs(dataDir, [captured]).leaks.map((l) => l.secret)).toEqual([name]);
  });

  test("a session cookie is found logged raw, URL-encoded, or as its bare token", () => {
    for (const logged of [SESSION_COOKIE, encodeURIComponent(SESSION_COOKIE), "sessTok0123456789abcdef"]) {
      writeFileSync(captured, `cookie: rdsdeck.session_token=${logged}\n`);
      expect(checkSecretsInLogs(dataDir, [captured]).leaks.length, logged).toBeGreaterThan(0);
    }
  });

  test("an API key a test minted and recorded is found in a postgres log", () => {
    const key = "rdk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
    mkdirSync(path.dirname(mintedSecretsFile(dataDir)), { recursive: true });
    writeFileSync(mintedSecretsFile(dataDir), `${JSON.stringify({ name: "API key e2e-read", value: key })}\n`);
    appendFileSync(path.join(dataDir, "logs", "production-myapp.log"), `STATEMENT: select '${key}'\n`);
    expect(checkSecretsInLogs(dataDir, [captured]).leaks).toMatchObject([
      { secret: "API key e2e-read", line: 2, form: "as is" },
    ]);
  });

  test("a password the tests chose, passed in as known, is found in events.jsonl", () => {
    writeFileSync(path.join(dataDir, "events.jsonl"), '{"Message":"e2e-viewer-password-0123"}\n');
    const known = [{ name: "viewer password", value: "e2e-viewer-password-0123" }];
    expect(checkSecretsInLogs(dataDir, [captured], known).leaks.map((l) => l.secret)).toEqual(["viewer password"]);
  });

  test("without credentials.json there is nothing to look for: the check fails rather than pass", () => {
    rmSync(path.join(dataDir, "credentials.json"));
    expect(() => checkSecretsInLogs(dataDir, [captured])).toThrow(/credentials\.json/);
  });

  test("a secret too short to tell from chance is refused, not silently skipped", () => {
    expect(() => checkSecretsInLogs(dataDir, [captured], [{ name: "pin", value: "1234" }])).toThrow(/pin/);
  });
});
