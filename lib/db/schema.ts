/**
 * The users API's tables. Migrations in drizzle/ are generated from this file
 * (`npm run db:generate`) and applied at startup; never edited by hand.
 */
import { desc, sql } from "drizzle-orm";
import { index, pgTable, serial, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    name: varchar("name", { length: 255 }).notNull(),
    // Stored as given; uniqueness and lookups go through lower(email), so one
    // index serves both (the seed's second index on email was redundant).
    email: varchar("email", { length: 255 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${table.email})`),
    // The list order, newest first, with id breaking ties so pages never overlap or skip.
    index("users_created_at_id_idx").on(desc(table.createdAt), desc(table.id)),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** The constraint a duplicate email trips; create and update map it to 409 email_taken. */
export const EMAIL_UNIQUE_INDEX = "users_email_lower_key";
