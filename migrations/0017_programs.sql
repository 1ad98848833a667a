CREATE TABLE "program_admins" (
	"program_id" text NOT NULL,
	"user_id" text NOT NULL,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_admins_program_id_user_id_pk" PRIMARY KEY("program_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "program_cohorts" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"settings" jsonb NOT NULL,
	"current_run_id" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_cohorts_dates" CHECK ("program_cohorts"."ends_on" >= "program_cohorts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "program_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"pair_id" text NOT NULL,
	"cohort_id" text NOT NULL,
	"met_on" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"cohort_id" text NOT NULL,
	"kind" text NOT NULL,
	"mentee_id" text,
	"mentor_id" text,
	"capacity" integer,
	"reason" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_pairs" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"cohort_id" text NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"score" integer NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"explanation" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"mentor_request_id" text,
	"mentee_accepted_at" timestamp with time zone,
	"mentor_accepted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "program_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"cohort_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"manager_email" text,
	"capacity" integer DEFAULT 0 NOT NULL,
	"user_id" text,
	"questionnaire" jsonb,
	"joined_at" timestamp with time zone,
	"imported_line" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_participants_capacity" CHECK ("program_participants"."capacity" between 0 and 20)
);
--> statement-breakpoint
CREATE TABLE "program_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"cohort_id" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"phase" text DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"requested_by" text,
	"previous_run_id" text,
	"mentee_count" integer,
	"mentor_count" integer,
	"feasible_pairs" integer,
	"excluded_by" jsonb,
	"matched" integer,
	"score" integer,
	"greedy_matched" integer,
	"greedy_score" integer,
	"certified" boolean,
	"solve_ms" integer,
	"duals" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"publish_mode" text DEFAULT 'introduction' NOT NULL,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentor_requests" ADD COLUMN "program_cohort_id" text;--> statement-breakpoint
ALTER TABLE "program_admins" ADD CONSTRAINT "program_admins_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_admins" ADD CONSTRAINT "program_admins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_admins" ADD CONSTRAINT "program_admins_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_meetings" ADD CONSTRAINT "program_meetings_pair_id_program_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."program_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_meetings" ADD CONSTRAINT "program_meetings_cohort_id_program_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."program_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_meetings" ADD CONSTRAINT "program_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_overrides" ADD CONSTRAINT "program_overrides_cohort_id_program_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."program_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_overrides" ADD CONSTRAINT "program_overrides_mentee_id_program_participants_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."program_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_overrides" ADD CONSTRAINT "program_overrides_mentor_id_program_participants_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."program_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_overrides" ADD CONSTRAINT "program_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_pairs" ADD CONSTRAINT "program_pairs_run_id_program_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."program_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_pairs" ADD CONSTRAINT "program_pairs_cohort_id_program_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."program_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_pairs" ADD CONSTRAINT "program_pairs_mentee_id_program_participants_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."program_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_pairs" ADD CONSTRAINT "program_pairs_mentor_id_program_participants_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."program_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_participants" ADD CONSTRAINT "program_participants_cohort_id_program_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."program_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_participants" ADD CONSTRAINT "program_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_runs" ADD CONSTRAINT "program_runs_cohort_id_program_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."program_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_runs" ADD CONSTRAINT "program_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_admins_user_idx" ON "program_admins" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "program_cohorts_program_idx" ON "program_cohorts" USING btree ("program_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "program_meetings_pair_day_idx" ON "program_meetings" USING btree ("pair_id","met_on");--> statement-breakpoint
CREATE INDEX "program_meetings_cohort_idx" ON "program_meetings" USING btree ("cohort_id","met_on");--> statement-breakpoint
CREATE INDEX "program_overrides_cohort_idx" ON "program_overrides" USING btree ("cohort_id","created_at");--> statement-breakpoint
CREATE INDEX "program_pairs_run_idx" ON "program_pairs" USING btree ("run_id","score");--> statement-breakpoint
CREATE UNIQUE INDEX "program_pairs_mentee_idx" ON "program_pairs" USING btree ("run_id","mentee_id");--> statement-breakpoint
CREATE INDEX "program_pairs_cohort_idx" ON "program_pairs" USING btree ("cohort_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "program_participants_email_idx" ON "program_participants" USING btree ("cohort_id","email");--> statement-breakpoint
CREATE INDEX "program_participants_user_idx" ON "program_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "program_runs_cohort_idx" ON "program_runs" USING btree ("cohort_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "program_runs_one_live_idx" ON "program_runs" USING btree ("cohort_id") WHERE state in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "mentor_requests" ADD CONSTRAINT "mentor_requests_program_cohort_id_program_cohorts_id_fk" FOREIGN KEY ("program_cohort_id") REFERENCES "public"."program_cohorts"("id") ON DELETE set null ON UPDATE no action;