/**
 * The environment that points any AWS client, psql or script at a running
 * local fleet: what `npm run fleet:env` prints and what the launcher hands the
 * app.
 */
import path from "node:path";
import type { FleetCredentials } from "./pg/credentials";
import type { RuntimeInfo } from "./runtime-info";
import { storeOwnerUrl, storeUrl } from "./store/local-store";

export function postgresUrl(info: RuntimeInfo, creds: FleetCredentials, port: number): string {
  const user = encodeURIComponent(creds.master.username);
  const password = encodeURIComponent(creds.master.password);
  const ca = encodeURIComponent(info.caCertPath);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${info.databaseName}?sslmode=verify-full&sslrootcert=${ca}`;
}

export function fleetEnv(info: RuntimeInfo, creds: FleetCredentials): Record<string, string> {
  const writer = info.endpoints.find((e) => e.role === "writer");
  const readers = info.endpoints.filter((e) => e.role === "replica");
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL_RDS: info.apiUrl,
    AWS_ENDPOINT_URL_CLOUDWATCH: info.apiUrl,
    AWS_ENDPOINT_URL_PI: info.apiUrl,
    AWS_REGION: info.region,
    AWS_DEFAULT_REGION: info.region, // the aws CLI v1 reads this one
    AWS_ACCESS_KEY_ID: creds.aws.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.aws.secretAccessKey,
    PGSSLROOTCERT: info.caCertPath,
  };
  if (writer) env.DATABASE_WRITER_URL = postgresUrl(info, creds, writer.port);
  if (readers.length) env.DATABASE_READER_URLS = readers.map((r) => postgresUrl(info, creds, r.port)).join(",");
  if (info.store) {
    const store = { ...info.store, caCertPath: info.caCertPath, credentials: creds };
    env.RDSDECK_STORE_URL = storeUrl(store);
    // Only for migrations: the app's own role owns nothing (infra/local/store/store-roles.ts).
    env.RDSDECK_STORE_OWNER_URL = storeOwnerUrl(store);
    env.RDSDECK_AUTH_SECRET = creds.store.authSecret;
    // Beside credentials.json, as private: the first admin's generated password, never printed.
    env.RDSDECK_ADMIN_PASSWORD_FILE = path.join(path.dirname(info.credentialsPath), "first-admin-password");
  }
  for (const e of info.endpoints) {
    env[`DATABASE_URL_${e.id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`] = postgresUrl(info, creds, e.port);
  }
  return env;
}

const shellQuote = (v: string) => `'${v.replaceAll("'", "'\\''")}'`;

export const toExportLines = (env: Record<string, string>) =>
  Object.entries(env)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
    .join("\n");
