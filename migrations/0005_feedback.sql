CREATE TABLE "feedback_answers" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"question_key" text NOT NULL,
	"rating" integer,
	"body" text,
	"released" boolean DEFAULT false NOT NULL,
	CONSTRAINT "feedback_answers_rating_range" CHECK ("feedback_answers"."rating" is null or "feedback_answers"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "feedback_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"email" text,
	"used_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "feedback_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"questions" jsonb NOT NULL,
	"lanes" jsonb NOT NULL,
	"min_responses" integer NOT NULL,
	"closes_on" date NOT NULL,
	"closed_on" date,
	"response_count" integer DEFAULT 0 NOT NULL,
	"opened_on" date,
	"tallies" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reflections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reminder_sent_on" date,
	"thanked_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_requests_min_responses_range" CHECK ("feedback_requests"."min_responses" between 3 and 10)
);
--> statement-breakpoint
CREATE TABLE "superpower_choices" (
	"user_id" text PRIMARY KEY NOT NULL,
	"superpowers" jsonb NOT NULL,
	"responses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "superpower_choices" ADD CONSTRAINT "superpower_choices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_answers_request_idx" ON "feedback_answers" USING btree ("request_id","released");--> statement-breakpoint
CREATE INDEX "feedback_invitations_request_idx" ON "feedback_invitations" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitations_request_email_idx" ON "feedback_invitations" USING btree ("request_id","email");--> statement-breakpoint
CREATE INDEX "feedback_requests_user_created_idx" ON "feedback_requests" USING btree ("user_id","created_at");