/**
 * First run: when the store has no user at all, create the first admin, from
 * RDSDECK_ADMIN_EMAIL and RDSDECK_ADMIN_PASSWORD, or with a random password
 * written to RDSDECK_ADMIN_PASSWORD_FILE (mode 0600) — never to the terminal,
 * whose output ends up in logs. Either way the password was handed over
 * rather than chosen, so the first sign-in must replace it. There is no
 * default password. Several app processes may start at once: an advisory
 * lock makes exactly one of them create it.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { recordAudit } from "../audit/record-audit";
import { getConfig } from "../config";
import { log } from "../log";
import { getStore } from "../store/store-db";
import { createDashboardUser } from "./create-dashboard-user";

const FIRST_ADMIN_LOCK = "7310857245620305921";

export async function ensureFirstAdmin(print: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const { email, password, passwordFile } = getConfig().auth.firstAdmin;
  const client = await getStore().pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [FIRST_ADMIN_LOCK]);
    try {
      const { rows } = await client.query<{ any: boolean }>("select exists (select 1 from dashboard_users) as any");
      if (rows[0]?.any) return;
      if (!password && !passwordFile) {
        log().error(
          "no first admin created: set RDSDECK_ADMIN_PASSWORD, or RDSDECK_ADMIN_PASSWORD_FILE for a generated one",
        );
        return;
      }
      const chosen = password ?? randomBytes(15).toString("base64url");
      // Written before the user exists: an admin whose password nobody could read would lock everyone out.
      if (!password && passwordFile) writePasswordFile(passwordFile, chosen);
      await createDashboardUser({
        email,
        name: "First admin",
        role: "admin",
        password: chosen,
        mustChangePassword: true,
      });
      await recordAudit({
        actor: "system",
        action: "create-first-admin",
        target: email,
        parameters: {
          email,
          role: "admin",
          // Named so the audit's redaction of password-like keys keeps them: neither holds a secret.
          handedOutThrough: password ? "RDSDECK_ADMIN_PASSWORD" : "RDSDECK_ADMIN_PASSWORD_FILE",
          changeRequiredAtFirstSignIn: true,
        },
        outcome: "ok",
      });
      const where = password ? "from RDSDECK_ADMIN_PASSWORD" : `generated, in ${passwordFile} (mode 0600)`;
      print(`[rdsdeck] first admin created: ${email} (password ${where}); the first sign-in asks for a new one\n`);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [FIRST_ADMIN_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Readable by the account running rdsdeck only, even where the file was there before with other modes. */
function writePasswordFile(file: string, password: string): void {
  const staging = `${file}.tmp`;
  writeFileSync(staging, `${password}\n`, { mode: 0o600 });
  chmodSync(staging, 0o600);
  renameSync(staging, file);
}

/** Once the first admin has a password of their own, the handed-out one is of no use to anybody. */
export function forgetFirstAdminPassword(): void {
  const { passwordFile } = getConfig().auth.firstAdmin;
  if (!passwordFile) return;
  try {
    rmSync(passwordFile, { force: true });
  } catch (error) {
    // The password in it no longer works; the change stands, and the operator learns the file is left over.
    log().warn({ file: passwordFile, reason: (error as Error).message }, "the first admin's old password file stays");
  }
}
