CREATE TABLE "mentor_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"lanes" text[] NOT NULL,
	"levels" text[] NOT NULL,
	"style" text NOT NULL,
	"capacity" integer NOT NULL,
	"active_mentees" integer DEFAULT 0 NOT NULL,
	"time_zone" text NOT NULL,
	"weekly" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"away" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proof" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"response_hours" integer NOT NULL,
	"urgent_calls" boolean DEFAULT false NOT NULL,
	"show_portfolio" boolean DEFAULT true NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_reason" text,
	"paused_at" timestamp with time zone,
	"resumed_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "search_text")) STORED,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_profiles_seats" CHECK ("mentor_profiles"."active_mentees" >= 0 and "mentor_profiles"."active_mentees" <= "mentor_profiles"."capacity"),
	CONSTRAINT "mentor_profiles_capacity" CHECK ("mentor_profiles"."capacity" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "mentor_request_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"sender" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"share" text[] DEFAULT '{}' NOT NULL,
	"reached_mentor_at" timestamp with time zone,
	"reach_count" integer DEFAULT 1 NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_requests_not_self" CHECK ("mentor_requests"."mentee_id" <> "mentor_requests"."mentor_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"mentor_id" text NOT NULL,
	"request_id" text NOT NULL,
	"seconds" integer NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_log" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"mentee_name" text NOT NULL,
	"where_mentored" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"focus" text DEFAULT '' NOT NULL,
	"handed_over" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_log_dates" CHECK ("mentoring_log"."ended_on" is null or "mentoring_log"."ended_on" >= "mentoring_log"."started_on")
);
--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_request_messages" ADD CONSTRAINT "mentor_request_messages_request_id_mentor_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentor_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_requests" ADD CONSTRAINT "mentor_requests_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_requests" ADD CONSTRAINT "mentor_requests_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_responses" ADD CONSTRAINT "mentor_responses_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_responses" ADD CONSTRAINT "mentor_responses_request_id_mentor_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."mentor_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_log" ADD CONSTRAINT "mentoring_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentor_profiles_search_idx" ON "mentor_profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "mentor_request_messages_request_idx" ON "mentor_request_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "mentor_requests_mentee_idx" ON "mentor_requests" USING btree ("mentee_id","state");--> statement-breakpoint
CREATE INDEX "mentor_requests_mentor_idx" ON "mentor_requests" USING btree ("mentor_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_requests_live_pair_idx" ON "mentor_requests" USING btree ("mentee_id","mentor_id") WHERE state in ('pending', 'info_requested', 'accepted');--> statement-breakpoint
CREATE INDEX "mentor_responses_mentor_idx" ON "mentor_responses" USING btree ("mentor_id","responded_at");--> statement-breakpoint
CREATE INDEX "mentoring_log_user_idx" ON "mentoring_log" USING btree ("user_id","started_on");