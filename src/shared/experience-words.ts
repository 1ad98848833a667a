// No zod here: pages that only name experiences import this file and load no validation library.
// The dimensions of the experience portfolio. Tours of duty name the experiences they add with the
// same keys, so a portfolio gap can become a tour's goal and a tour's experiences fill the grid.
export const companyStages = ["pre_pmf", "smoke_to_fire", "fire_to_great"] as const;
export type CompanyStage = (typeof companyStages)[number];
export const companyStageLabels: Record<CompanyStage, string> = {
  pre_pmf: "Pre-product-market fit",
  smoke_to_fire: "Smoke to fire",
  fire_to_great: "Fire to great",
};

export const markets = ["consumer", "business"] as const;
export type Market = (typeof markets)[number];
export const marketLabels: Record<Market, string> = {
  consumer: "Consumer",
  business: "Business-to-business",
};

export const vantages = ["inside", "outside"] as const;
export type Vantage = (typeof vantages)[number];
export const vantageLabels: Record<Vantage, string> = {
  inside: "Inside the building",
  outside: "Outside the building",
};

export const workKinds = ["feature", "growth", "scaling"] as const;
export type WorkKind = (typeof workKinds)[number];
export const workKindLabels: Record<WorkKind, string> = {
  feature: "Feature work",
  growth: "Growth work",
  scaling: "Scaling work",
};

/** One experience a role gives or a tour of duty adds, such as "stage:pre_pmf" or "work:growth". */
export const experienceKeys = [
  ...companyStages.map((value) => `stage:${value}` as const),
  ...markets.map((value) => `market:${value}` as const),
  ...vantages.map((value) => `vantage:${value}` as const),
  ...workKinds.map((value) => `work:${value}` as const),
  "people:managed",
  "logo:well_known",
] as const;
export type ExperienceKey = (typeof experienceKeys)[number];

export const experienceLabels: Record<ExperienceKey, string> = {
  "stage:pre_pmf": `${companyStageLabels.pre_pmf} company`,
  "stage:smoke_to_fire": `${companyStageLabels.smoke_to_fire} company`,
  "stage:fire_to_great": `${companyStageLabels.fire_to_great} company`,
  "market:consumer": "Consumer product",
  "market:business": "Business-to-business product",
  "vantage:inside": "Inside the building",
  "vantage:outside": "Outside the building",
  "work:feature": workKindLabels.feature,
  "work:growth": workKindLabels.growth,
  "work:scaling": workKindLabels.scaling,
  "people:managed": "Managing people",
  "logo:well_known": "A well-known logo",
};
