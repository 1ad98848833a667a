CREATE TABLE "portfolio_roles" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"company" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"stage" text NOT NULL,
	"market" text NOT NULL,
	"vantage" text NOT NULL,
	"work" jsonb NOT NULL,
	"people_managed" integer DEFAULT 0 NOT NULL,
	"well_known_logo" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_roles_dates_in_order" CHECK ("portfolio_roles"."ends_on" is null or "portfolio_roles"."ends_on" >= "portfolio_roles"."starts_on"),
	CONSTRAINT "portfolio_roles_people_managed" CHECK ("portfolio_roles"."people_managed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "target_role_checks" (
	"user_id" text NOT NULL,
	"item_id" text NOT NULL,
	"checked_on" date NOT NULL,
	CONSTRAINT "target_role_checks_user_id_item_id_pk" PRIMARY KEY("user_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_roles" ADD CONSTRAINT "portfolio_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_role_checks" ADD CONSTRAINT "target_role_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_roles_user_idx" ON "portfolio_roles" USING btree ("user_id","starts_on");