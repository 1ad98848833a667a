CREATE TABLE "career_plans" (
	"user_id" text PRIMARY KEY NOT NULL,
	"north_star" jsonb,
	"north_star_reached_on" date,
	"skip_job" jsonb,
	"next_job" jsonb,
	"act_three" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_revisits" (
	"id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"revisited_on" date NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"dilemma" text NOT NULL,
	"options" jsonb NOT NULL,
	"decision" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_on" date NOT NULL,
	"revisit_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_revisit_after_decided" CHECK ("decisions"."revisit_on" is null or "decisions"."revisit_on" > "decisions"."decided_on")
);
--> statement-breakpoint
ALTER TABLE "career_plans" ADD CONSTRAINT "career_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_revisits" ADD CONSTRAINT "decision_revisits_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_revisits_decision_idx" ON "decision_revisits" USING btree ("decision_id","revisited_on");--> statement-breakpoint
CREATE INDEX "decisions_user_idx" ON "decisions" USING btree ("user_id","decided_on");