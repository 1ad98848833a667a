import { z } from "zod";
import { personName, plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export const levels = ["apm", "pm", "senior_pm", "group_pm", "director", "vp", "cpo"] as const;
export type Level = (typeof levels)[number];
export const levelLabels: Record<Level, string> = {
  apm: "Associate PM (APM)",
  pm: "Product manager",
  senior_pm: "Senior PM",
  group_pm: "Group PM / product lead",
  director: "Director of product",
  vp: "VP of product",
  cpo: "Chief Product Officer",
};

export const tracks = ["ic", "manager"] as const;
export type Track = (typeof tracks)[number];
export const trackLabels: Record<Track, string> = {
  ic: "Individual contributor",
  manager: "Manager",
};

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const profileInput = z.object({
  name: personName(),
  headline: plainText().trim().max(160, "Keep the headline under 160 characters").default(""),
  level: z.enum(levels, { error: "Pick your current level from the list" }).nullable().default(null),
  track: z.enum(tracks, { error: "Pick individual contributor or manager" }).nullable().default(null),
  company: plainText().trim().max(120, "Keep the company name under 120 characters").default(""),
  timeZone: z.string().refine(isTimeZone, "Pick a time zone from the list, such as Europe/Berlin"),
});
export type ProfileInput = z.infer<typeof profileInput>;
/** The profile's `version` is 0 until its first save. */
export const profileUpdateInput = withVersion(profileInput.strict());

export const profileOutput = z
  .object({
    name: z.string(),
    headline: z.string(),
    level: z.enum(levels).nullable(),
    track: z.enum(tracks).nullable(),
    company: z.string(),
    timeZone: z.string().nullable(),
    version: z
      .number()
      .int()
      .meta({ description: "0 until the profile's first save; send it back to change it" }),
  })
  .meta({ id: "Profile" });
export type Profile = z.infer<typeof profileOutput>;

export const meOutput = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(["member", "admin"]),
      emailVerified: z.boolean(),
      twoFactorEnabled: z.boolean(),
    }),
    profile: profileOutput,
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meOutput>;
