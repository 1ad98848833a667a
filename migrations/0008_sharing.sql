CREATE TABLE "share_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"grantee_email" text NOT NULL,
	"part" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_grants_part" CHECK (part in ('plan', 'lanes', 'portfolio', 'story'))
);
--> statement-breakpoint
ALTER TABLE "share_grants" ADD CONSTRAINT "share_grants_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "share_grants_owner_grantee_part_idx" ON "share_grants" USING btree ("owner_id","grantee_email","part");--> statement-breakpoint
CREATE INDEX "share_grants_grantee_idx" ON "share_grants" USING btree ("grantee_email");