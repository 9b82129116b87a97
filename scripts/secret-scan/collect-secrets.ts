/**
 * Every secret a run created, by name: the fleet's credentials.json (database
 * passwords, the local AWS secret key, the store's passwords and session
 * secret), the session cookies the e2e browsers saved, and whatever the
 * tests minted and recorded (API keys, passwords they chose).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export type NamedSecret = { readonly name: string; readonly value: string };

/** Where tests record secrets they minted (API keys shown once): outside logs/, so it is never scanned. */
export const mintedSecretsFile = (dataDir: string) => path.join(dataDir, "e2e", "minted-secrets.jsonl");

const credentialsSchema = z.object({
  master: z.object({ password: z.string() }),
  admin: z.object({ password: z.string() }),
  replication: z.object({ password: z.string() }),
  aws: z.object({ secretAccessKey: z.string() }),
  store: z
    .object({
      admin: z.object({ password: z.string() }),
      owner: z.object({ password: z.string() }),
      app: z.object({ password: z.string() }),
      authSecret: z.string(),
    })
    .optional(),
});

const storageStateSchema = z.object({ cookies: z.array(z.object({ name: z.string(), value: z.string() })) });
const mintedSchema = z.object({ name: z.string().min(1), value: z.string() });

export function collectRunSecrets(dataDir: string, known: readonly NamedSecret[] = []): NamedSecret[] {
  return [...fleetCredentials(dataDir), ...sessionCookies(dataDir), ...mintedSecrets(dataDir), ...known];
}

function fleetCredentials(dataDir: string): NamedSecret[] {
  // Without it there is nothing to look for, and a check that finds nothing must not pass for one that looked.
  const file = path.join(dataDir, "credentials.json");
  const c = credentialsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return [
    { name: "master password", value: c.master.password },
    { name: "rdsadmin password", value: c.admin.password },
    { name: "replication password", value: c.replication.password },
    { name: "local AWS secret access key", value: c.aws.secretAccessKey },
    ...(c.store
      ? [
          { name: "store admin password", value: c.store.admin.password },
          { name: "store owner password", value: c.store.owner.password },
          { name: "store app password", value: c.store.app.password },
          { name: "session signing secret", value: c.store.authSecret },
        ]
      : []),
  ];
}

/** Cookies of the browsers the e2e setup signed in (auth/<role>.json): the session tokens. */
function sessionCookies(dataDir: string): NamedSecret[] {
  const dir = path.join(dataDir, "auth");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .flatMap((file) => {
      const state = storageStateSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      return state.cookies.map((cookie) => ({ name: `cookie ${cookie.name} (${file})`, value: cookie.value }));
    });
}

function mintedSecrets(dataDir: string): NamedSecret[] {
  const file = mintedSecretsFile(dataDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => mintedSchema.parse(JSON.parse(line)));
}
