/**
 * Enforcement by construction: every page checks the session and role
 * (requireRole), every server action is a validatedAction (which must name
 * its role), every route handler is guarded (a session role, or the API's own
 * key check through nextRoute). A file added later that forgets fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

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
    "%s exports only validatedActions, each with a role",
    (file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      const exported = [...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map((m) => m[1] ?? "");
      expect(exported.length).toBeGreaterThan(0);
      for (const name of exported) {
        if (PUBLIC_ACTIONS.includes(name)) continue;
        expect(source, name).toMatch(
          new RegExp(`export const ${name} = validatedAction\\(\\s*\\{[^}]*role: "(viewer|operator|admin)"`),
        );
      }
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
const ADMIN_ONLY: ReadonlyArray<[file: string, exported: string]> = [
  ["app/alarms/actions.ts", "deleteAlarmAction"],
  ["app/alarms/actions.ts", "disableAlarmActionsAction"],
  ["app/admin/users/actions.ts", "createUserAction"],
  ["app/admin/users/actions.ts", "resetPasswordAction"],
  ["app/admin/api-keys/actions.ts", "createApiKeyAction"],
];

describe("the actions that are an admin's", () => {
  test.each(ADMIN_ONLY)("%s: %s needs the admin role", (file, exported) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(source).toMatch(new RegExp(`export const ${exported} = validatedAction\\(\\s*\\{[^}]*role: "admin"`));
  });

  test("switching an alarm's notifications off is a separate action from switching them on", () => {
    const source = readFileSync(path.join(root, "app/alarms/actions.ts"), "utf8");
    expect(source).not.toMatch(/role: "operator", schema: actionsSwitch\("false"\)/);
    expect(source).toMatch(/disableAlarmActionsAction = validatedAction\(\s*\{[^}]*schema: actionsSwitch\("false"\)/);
  });
});
