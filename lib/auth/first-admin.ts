/**
 * First run: when the store has no user at all, create the first admin, from
 * RDSDECK_ADMIN_EMAIL and RDSDECK_ADMIN_PASSWORD, or with a random password
 * printed once on the terminal (never to the log). There is no default
 * password. Several app processes may start at once: an advisory lock makes
 * exactly one of them create it.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { getConfig } from "../config";
import { createDashboardUser } from "../dashboard-users/create-dashboard-user";
import { getStore } from "../store/store-db";

const FIRST_ADMIN_LOCK = "7310857245620305921";

export async function ensureFirstAdmin(print: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const { email, password } = getConfig().auth.firstAdmin;
  const client = await getStore().pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [FIRST_ADMIN_LOCK]);
    try {
      const { rows } = await client.query<{ any: boolean }>("select exists (select 1 from dashboard_users) as any");
      if (rows[0]?.any) return;
      const chosen = password ?? randomBytes(15).toString("base64url");
      await createDashboardUser({ email, name: "First admin", role: "admin", password: chosen });
      await recordAudit({
        actor: "system",
        action: "create-first-admin",
        target: email,
        parameters: { email, role: "admin", passwordFrom: password ? "RDSDECK_ADMIN_PASSWORD" : "generated" },
        outcome: "ok",
      });
      if (password) {
        print(`[rdsdeck] first admin created: ${email} (password from RDSDECK_ADMIN_PASSWORD)\n`);
      } else {
        print(
          [
            "",
            "[rdsdeck] ─────────────────────────────────────────────────────────────",
            "[rdsdeck] first admin created — shown this once, note it now:",
            `[rdsdeck]   email     ${email}`,
            `[rdsdeck]   password  ${chosen}`,
            "[rdsdeck] sign in, then create the other users under Admin → Users.",
            "[rdsdeck] ─────────────────────────────────────────────────────────────",
            "",
          ].join("\n"),
        );
      }
    } finally {
      await client.query("select pg_advisory_unlock($1)", [FIRST_ADMIN_LOCK]);
    }
  } finally {
    client.release();
  }
}
