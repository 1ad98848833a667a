import { z } from "zod";
import { experienceKeys } from "./experience-words.ts";

export * from "./experience-words.ts";

export const experienceKey = z.enum(experienceKeys, { error: "Pick experiences from the list" });
