export * from "../auth/auth.table.ts";
export * from "../modules/lanes/lanes.table.ts";
export * from "../modules/mail/outbox.table.ts";
export * from "../modules/profile/profile.table.ts";
export * from "./instance-settings.ts";
