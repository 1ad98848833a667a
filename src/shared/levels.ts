// Levels and tracks in words, apart from the profile's schemas, so a page that only names them loads no zod.
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
