CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "engagement_action_items" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text NOT NULL,
	"text" text NOT NULL,
	"due_on" date,
	"state" text NOT NULL,
	"suggested_by" text NOT NULL,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text NOT NULL,
	"session_id" text,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"side" text NOT NULL,
	"author_id" text NOT NULL,
	"rating" integer NOT NULL,
	"text" text NOT NULL,
	"quote_allowed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_reviews_rating" CHECK ("engagement_reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "engagement_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text,
	"urgent_call_id" text,
	"mentor_id" text NOT NULL,
	"mentee_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
	"agenda" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'booked' NOT NULL,
	"cancel_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_sessions_order" CHECK ("engagement_sessions"."ends_at" > "engagement_sessions"."starts_at"),
	CONSTRAINT "engagement_sessions_owner" CHECK (("engagement_sessions"."engagement_id" is null) <> ("engagement_sessions"."urgent_call_id" is null))
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"state" text DEFAULT 'agreeing' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"cadence" text DEFAULT 'fortnightly' NOT NULL,
	"length_weeks" integer DEFAULT 12 NOT NULL,
	"confidentiality" text DEFAULT '' NOT NULL,
	"mentee_accepted_at" timestamp with time zone,
	"mentor_accepted_at" timestamp with time zone,
	"intake_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"intake_answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"intake_shared" text[] DEFAULT '{}' NOT NULL,
	"intake_granted" text[] DEFAULT '{}' NOT NULL,
	"intake_answered_at" timestamp with time zone,
	"last_booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"close_started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_plan_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text NOT NULL,
	"number" integer NOT NULL,
	"goals" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "urgent_call_offers" (
	"call_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"wave" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "urgent_calls" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"lane" text,
	"dilemma" text NOT NULL,
	"decide_by" timestamp with time zone,
	"promise_minutes" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"wave" integer DEFAULT 1 NOT NULL,
	"taken_by" text,
	"taken_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "engagement_action_items" ADD CONSTRAINT "engagement_action_items_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_notes" ADD CONSTRAINT "engagement_notes_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_notes" ADD CONSTRAINT "engagement_notes_session_id_engagement_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."engagement_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_notes" ADD CONSTRAINT "engagement_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_reviews" ADD CONSTRAINT "engagement_reviews_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_reviews" ADD CONSTRAINT "engagement_reviews_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_reviews" ADD CONSTRAINT "engagement_reviews_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_sessions" ADD CONSTRAINT "engagement_sessions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_sessions" ADD CONSTRAINT "engagement_sessions_urgent_call_id_urgent_calls_id_fk" FOREIGN KEY ("urgent_call_id") REFERENCES "public"."urgent_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_sessions" ADD CONSTRAINT "engagement_sessions_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_sessions" ADD CONSTRAINT "engagement_sessions_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_request_id_mentor_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentor_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_plan_revisions" ADD CONSTRAINT "engagement_plan_revisions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_plan_revisions" ADD CONSTRAINT "engagement_plan_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_call_offers" ADD CONSTRAINT "urgent_call_offers_call_id_urgent_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."urgent_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_call_offers" ADD CONSTRAINT "urgent_call_offers_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_calls" ADD CONSTRAINT "urgent_calls_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "urgent_calls" ADD CONSTRAINT "urgent_calls_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_action_items_engagement_idx" ON "engagement_action_items" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE INDEX "engagement_notes_engagement_idx" ON "engagement_notes" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_reviews_side_idx" ON "engagement_reviews" USING btree ("engagement_id","side");--> statement-breakpoint
CREATE INDEX "engagement_reviews_mentor_idx" ON "engagement_reviews" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "engagement_sessions_engagement_idx" ON "engagement_sessions" USING btree ("engagement_id","starts_at");--> statement-breakpoint
CREATE INDEX "engagement_sessions_call_idx" ON "engagement_sessions" USING btree ("urgent_call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "engagements_request_idx" ON "engagements" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "engagements_mentee_idx" ON "engagements" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "engagements_mentor_idx" ON "engagements" USING btree ("mentor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_plan_revisions_number_idx" ON "engagement_plan_revisions" USING btree ("engagement_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "urgent_call_offers_pair_idx" ON "urgent_call_offers" USING btree ("call_id","mentor_id");--> statement-breakpoint
CREATE INDEX "urgent_call_offers_mentor_idx" ON "urgent_call_offers" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "urgent_calls_member_idx" ON "urgent_calls" USING btree ("member_id","created_at");--> statement-breakpoint
ALTER TABLE "engagement_sessions" ADD CONSTRAINT "engagement_sessions_mentor_free" EXCLUDE USING gist ("mentor_id" WITH =, "during" WITH &&) WHERE ("state" = 'booked');--> statement-breakpoint
ALTER TABLE "engagement_sessions" ADD CONSTRAINT "engagement_sessions_mentee_free" EXCLUDE USING gist ("mentee_id" WITH =, "during" WITH &&) WHERE ("state" = 'booked');
