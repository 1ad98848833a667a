CREATE TABLE "lane_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"crafting" integer NOT NULL,
	"market" integer NOT NULL,
	"organizational" integer NOT NULL,
	"domain" integer NOT NULL,
	"team" integer NOT NULL,
	"growth" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"domain_name" text DEFAULT '' NOT NULL,
	"world_class_lane" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lane_assessments_ratings_range" CHECK ("lane_assessments"."crafting" between 1 and 5 and "lane_assessments"."market" between 1 and 5 and "lane_assessments"."organizational" between 1 and 5 and "lane_assessments"."domain" between 1 and 5 and "lane_assessments"."team" between 1 and 5 and "lane_assessments"."growth" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "lane_assessments" ADD CONSTRAINT "lane_assessments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lane_assessments_user_created_idx" ON "lane_assessments" USING btree ("user_id","created_at");