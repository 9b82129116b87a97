import path from "node:path";
import { e2eDataDir } from "./local-fleet-files";

/**
 * The first admin, set through the environment (playwright.config.ts) as an operator would set it; the first
 * sign-in replaces that password with `chosenPassword`, which every later step (re-authentication) types.
 */
export const E2E_ADMIN = {
  email: "admin@e2e.rdsdeck.test",
  password: "e2e-admin-password-0123",
  chosenPassword: "e2e-admin-chosen-pass-01",
};

export type E2eRole = "admin" | "operator" | "viewer";

/** Each role's signed-in browser state, saved by the setup project, inside the run's data directory. */
export const authState = (role: E2eRole) => path.join(e2eDataDir(), "auth", `${role}.json`);

/** Created by the setup project through the admin's Users page. */
export const E2E_USERS = {
  operator: { email: "operator@e2e.rdsdeck.test", password: "e2e-operator-password-01" },
  viewer: { email: "viewer@e2e.rdsdeck.test", password: "e2e-viewer-password-0123" },
  lockout: { email: "lockout@e2e.rdsdeck.test", password: "e2e-lockout-password-012" },
  passwords: { email: "passwords@e2e.rdsdeck.test", password: "e2e-passwords-initial-01" },
} as const;

/** The passwords the passwords user gets later: reset by the admin, then changed by the user. */
export const E2E_NEW_PASSWORDS = { reset: "e2e-passwords-reset-0123", changed: "e2e-passwords-changed-01" } as const;

/** The wrong passwords the lockout test types: a failed sign-in's password must not be logged either. */
export const wrongPassword = (attempt: number) => `wrong-password-${attempt}`;
export const WRONG_PASSWORD_ATTEMPTS = 5;
