CREATE TABLE "company_health_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"company" text NOT NULL,
	"subject" text NOT NULL,
	"signs" jsonb NOT NULL,
	"sign_notes" text DEFAULT '' NOT NULL,
	"equity" jsonb,
	"reasons" jsonb NOT NULL,
	"decision_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_diagnoses" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"taken_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"months_at_level" integer,
	"development_area" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"causes" jsonb NOT NULL,
	"summary" text NOT NULL,
	"created" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_releases" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"subhead" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"what_i_did" text DEFAULT '' NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"quote_by" text DEFAULT '' NOT NULL,
	"whats_next" text DEFAULT '' NOT NULL,
	"entry_ids" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "story_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"portfolio_role_id" text,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"actions" text NOT NULL,
	"skills" jsonb NOT NULL,
	"headwinds" text DEFAULT '' NOT NULL,
	"overcome" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thought_leadership_cadences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"cadence" text,
	"reminded_for_due_on" date,
	"started_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thought_leadership_items" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"happened_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thought_leadership_items_kind" CHECK ("thought_leadership_items"."kind" in ('post', 'talk', 'answer'))
);
--> statement-breakpoint
ALTER TABLE "company_health_checks" ADD CONSTRAINT "company_health_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_health_checks" ADD CONSTRAINT "company_health_checks_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_diagnoses" ADD CONSTRAINT "promotion_diagnoses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_entries" ADD CONSTRAINT "story_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_entries" ADD CONSTRAINT "story_entries_portfolio_role_id_portfolio_roles_id_fk" FOREIGN KEY ("portfolio_role_id") REFERENCES "public"."portfolio_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thought_leadership_cadences" ADD CONSTRAINT "thought_leadership_cadences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thought_leadership_items" ADD CONSTRAINT "thought_leadership_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_health_checks_user_idx" ON "company_health_checks" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_diagnoses_user_idx" ON "promotion_diagnoses" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "story_entries_user_idx" ON "story_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "thought_leadership_items_user_idx" ON "thought_leadership_items" USING btree ("user_id","happened_on");