CREATE TABLE "engagement_decision_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"share_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_decision_shares" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text NOT NULL,
	"decision_id" text NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "engagement_decision_comments" ADD CONSTRAINT "engagement_decision_comments_share_id_engagement_decision_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."engagement_decision_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_decision_comments" ADD CONSTRAINT "engagement_decision_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_decision_shares" ADD CONSTRAINT "engagement_decision_shares_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_decision_shares" ADD CONSTRAINT "engagement_decision_shares_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_decision_comments_share_idx" ON "engagement_decision_comments" USING btree ("share_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_decision_shares_pair_idx" ON "engagement_decision_shares" USING btree ("engagement_id","decision_id");--> statement-breakpoint
CREATE INDEX "engagement_decision_shares_decision_idx" ON "engagement_decision_shares" USING btree ("decision_id");