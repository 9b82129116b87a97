/**
 * Enforcement by construction: every page checks the session and role
 * (requireRole), every server action is a validatedAction (which must name
 * its role), every route handler is guarded (a session role, or the API's own
 * key check through nextRoute). A file added later that forgets fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ACTION_ROLES, type DashboardAction } from "./action-roles";

const root = path.join(import.meta.dirname, "..", "..");
const app = path.join(root, "app");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const rel = (f: string) => path.relative(root, f);
const all = files(app);

/** Pages anyone may see: they show nothing of the fleet or the store. */
const PUBLIC_PAGES = ["app/sign-in/page.tsx"];
/** Server actions that need no session: signing in makes one (it audits every attempt itself). */
const PUBLIC_ACTIONS = ["signInAction"];

describe("every page, server action and route checks who is asking", () => {
  test.each(all.filter((f) => f.endsWith("page.tsx")).map(rel))("%s calls requireRole", (file) => {
    if (PUBLIC_PAGES.includes(file)) return;
    expect(readFileSync(path.join(root, file), "utf8")).toMatch(/await requireRole\("(viewer|operator|admin)", /);
  });

  test.each(all.filter((f) => /\.tsx?$/.test(f) && readFileSync(f, "utf8").startsWith('"use server"')).map(rel))(
    "%s exports only validatedActions, each named in the role table",
    (file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      const exported = [...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map((m) => m[1] ?? "");
      expect(exported.length).toBeGreaterThan(0);
      for (const name of exported) {
        if (PUBLIC_ACTIONS.includes(name)) continue;
        // The type of `action` is the role table's keys, so a name missing from it does not compile.
        expect(source, name).toMatch(new RegExp(`export const ${name} = validatedAction\\(\\s*\\{\\s*action: `));
      }
      // A role is stated once, in lib/auth/action-roles.ts, never beside an action.
      expect(source).not.toMatch(/\brole: "(viewer|operator|admin)"/);
    },
  );

  test.each(all.filter((f) => f.endsWith("route.ts")).map(rel))("%s is guarded", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(source).toMatch(
      /guardedRoute\("(viewer|operator|admin)"|nextRoute\((usersRoute|userRoute|healthRoute|openApiRoute|unknownApiRoute)\)/,
    );
  });
});

/**
 * What an admin alone may do, whatever the role table says elsewhere: destroy
 * data, manage people and keys, and silence the fleet's alarms (deleting one,
 * or switching its notifications off — README, "Sign-in, roles and the audit
 * trail", says why).
 */
const ADMIN_ONLY: ReadonlyArray<[file: string, exported: string, action: DashboardAction]> = [
  ["app/alarms/actions.ts", "deleteAlarmAction", "delete-alarm"],
  ["app/alarms/actions.ts", "disableAlarmActionsAction", "disable-alarm-actions"],
  ["app/admin/users/actions.ts", "createUserAction", "create-user"],
  ["app/admin/users/actions.ts", "resetPasswordAction", "reset-user-password"],
  ["app/admin/api-keys/actions.ts", "createApiKeyAction", "create-api-key"],
  ["app/instances/[id]/actions.ts", "deleteAction", "delete-db-instance"],
  ["app/snapshots/actions.ts", "deleteSnapshotAction", "delete-snapshot"],
  ["app/snapshots/actions.ts", "deleteAutomatedBackupAction", "delete-db-instance-automated-backup"],
];

describe("the actions that are an admin's", () => {
  test.each(ADMIN_ONLY)("%s: %s is %s, which needs the admin role", (file, exported, action) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(source).toMatch(new RegExp(`export const ${exported} = validatedAction\\(\\s*\\{\\s*action: "${action}"`));
    expect(ACTION_ROLES[action]).toBe("admin");
  });

  test("switching an alarm's notifications off is a separate action from switching them on", () => {
    const source = readFileSync(path.join(root, "app/alarms/actions.ts"), "utf8");
    expect(source).toMatch(
      /enableAlarmActionsAction = validatedAction\(\s*\{\s*action: "enable-alarm-actions", schema: actionsSwitch\("true"\)/,
    );
    expect(source).toMatch(
      /disableAlarmActionsAction = validatedAction\(\s*\{\s*action: "disable-alarm-actions", schema: actionsSwitch\("false"\)/,
    );
    expect(ACTION_ROLES["enable-alarm-actions"]).toBe("operator");
  });
});
