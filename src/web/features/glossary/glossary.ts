import { laneIds, lanes } from "../../../shared/lane-words.ts";

/** The words of the method, each with the sentence shown where it first appears and a longer note. */
export const glossaryIds = [
  "north-star",
  "skip-job",
  "tour-of-duty",
  "renegotiation",
  "lanes",
  "world-class-lane",
  "company-stage",
  "smoke-to-fire",
  "vantage",
  "act-three",
  "decision-revisit",
  "k-anonymity",
] as const;
export type GlossaryId = (typeof glossaryIds)[number];

export type GlossaryEntry = { term: string; short: string; more?: string };

export const glossary: Record<GlossaryId, GlossaryEntry> = {
  "north-star": {
    term: "North Star",
    short:
      "The end state you work back from: the role, the kind of company, what you want to be known for, and by when.",
    more: "It can be far away (ten years or more). Everything else in the plan is a step toward it, and you can change it as you learn.",
  },
  "skip-job": {
    term: "Skip job",
    short: "The job after your next one, and what it needs that you lack today.",
    more: "Planning two jobs ahead makes your next job a means to an end: pick the one that fills the skip job's gaps.",
  },
  "tour-of-duty": {
    term: "Tour of duty",
    short:
      "A version of your career of 12 to 18 months, with a mission, the lanes it builds, the experiences it adds and milestones.",
    more: "The idea comes from The Alliance (Hoffman, Casnocha, Yeh): an honest agreement with your employer on what you will achieve together and what you will get from it.",
  },
  renegotiation: {
    term: "Renegotiation date",
    short: "The day you sit down with your manager to agree on the next tour, or on moving on.",
  },
  lanes: {
    term: "Lanes of product ambiguity",
    short: `Six kinds of ambiguity a product person learns to handle: ${laneIds.map((id) => lanes[id].label.toLowerCase()).join(", ")}.`,
    more: laneIds.map((id) => `${lanes[id].label}: ${lanes[id].description}`).join(" "),
  },
  "world-class-lane": {
    term: "World-class lane",
    short: "The one lane you choose to become exceptional in, while you stay good enough in the others.",
  },
  "company-stage": {
    term: "Company stage",
    short: "Where the company was: before product-market fit, smoke to fire, or fire to great.",
  },
  "smoke-to-fire": {
    term: "Smoke to fire, fire to great",
    short:
      "Smoke to fire: a product has found some fit and is starting to grow fast. Fire to great: a growing business learning to scale and last.",
  },
  vantage: {
    term: "Inside or outside the building",
    short:
      "Inside: your users are your own colleagues (internal tools, platforms). Outside: your users are customers.",
  },
  "act-three": {
    term: "Act Three",
    short:
      "What comes after your North Star: scaled economics (investing, building wealth) and giving (teaching, volunteering, coaching, a mission).",
  },
  "decision-revisit": {
    term: "Revisit",
    short: "Looking back at a decision on a day you chose, to record how it turned out and what you learned.",
  },
  "k-anonymity": {
    term: "k (the anonymity threshold)",
    short:
      "Feedback stays sealed until at least k people have answered (3 or more), so no answer can be traced to one person.",
  },
};
