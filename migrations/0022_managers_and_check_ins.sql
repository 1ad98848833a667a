CREATE TABLE "check_in_agenda_items" (
	"id" text PRIMARY KEY NOT NULL,
	"check_in_id" text NOT NULL,
	"text" text NOT NULL,
	"state" text NOT NULL,
	"suggested_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_agenda_items_state" CHECK (state in ('accepted', 'suggested', 'declined')),
	CONSTRAINT "check_in_agenda_items_by" CHECK (suggested_by in ('manager', 'report'))
);
--> statement-breakpoint
CREATE TABLE "check_in_area_shares" (
	"id" text PRIMARY KEY NOT NULL,
	"link_id" text NOT NULL,
	"area" text NOT NULL,
	"target_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_area_shares_area" CHECK (area in ('lanes', 'tour', 'decision', 'story', 'feedback_themes', 'promotion_diagnosis'))
);
--> statement-breakpoint
CREATE TABLE "check_in_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"check_in_id" text NOT NULL,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_comments_author" CHECK (author in ('manager', 'report'))
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" text PRIMARY KEY NOT NULL,
	"link_id" text NOT NULL,
	"held_on" date NOT NULL,
	"help_with" text DEFAULT '' NOT NULL,
	"manager_plan" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manager_links" (
	"id" text PRIMARY KEY NOT NULL,
	"manager_id" text NOT NULL,
	"report_id" text,
	"report_email" text NOT NULL,
	"state" text DEFAULT 'invited' NOT NULL,
	"cadence" text,
	"proposed_cadence" text,
	"proposed_by" text,
	"next_reminder_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "manager_links_state" CHECK (state in ('invited', 'active', 'declined', 'ended')),
	CONSTRAINT "manager_links_cadence" CHECK (cadence is null or cadence in ('weekly', 'fortnightly', 'monthly')),
	CONSTRAINT "manager_links_proposed_cadence" CHECK (proposed_cadence is null or proposed_cadence in ('weekly', 'fortnightly', 'monthly')),
	CONSTRAINT "manager_links_not_self" CHECK (report_id is null or report_id <> manager_id)
);
--> statement-breakpoint
ALTER TABLE "check_in_agenda_items" ADD CONSTRAINT "check_in_agenda_items_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_area_shares" ADD CONSTRAINT "check_in_area_shares_link_id_manager_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."manager_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_comments" ADD CONSTRAINT "check_in_comments_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_link_id_manager_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."manager_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_links" ADD CONSTRAINT "manager_links_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_links" ADD CONSTRAINT "manager_links_report_id_users_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_agenda_items_check_in_idx" ON "check_in_agenda_items" USING btree ("check_in_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_area_shares_unique_idx" ON "check_in_area_shares" USING btree ("link_id","area","target_id");--> statement-breakpoint
CREATE INDEX "check_in_comments_check_in_idx" ON "check_in_comments" USING btree ("check_in_id","created_at");--> statement-breakpoint
CREATE INDEX "check_ins_link_idx" ON "check_ins" USING btree ("link_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "manager_links_one_manager_idx" ON "manager_links" USING btree ("report_id") WHERE state = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "manager_links_open_pair_idx" ON "manager_links" USING btree ("manager_id","report_email") WHERE state in ('invited', 'active');--> statement-breakpoint
CREATE INDEX "manager_links_email_idx" ON "manager_links" USING btree ("report_email");--> statement-breakpoint
CREATE INDEX "manager_links_manager_idx" ON "manager_links" USING btree ("manager_id");