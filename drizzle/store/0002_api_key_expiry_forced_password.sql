ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dashboard_users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;