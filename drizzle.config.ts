/** drizzle-kit generates SQL migrations from the schema; it never touches a database (no `push`). */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
