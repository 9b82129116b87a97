/** drizzle-kit for rdsdeck's own store (users, sessions, API keys, audit): its own schema and migrations folder. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/store/schema.ts",
  out: "./drizzle/store",
});
