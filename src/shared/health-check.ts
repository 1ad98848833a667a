import { z } from "zod";
import { instantOutput } from "./calendar-date-schema.ts";
import { plainText } from "./text.ts";
import { withVersion } from "./version.ts";

export const healthSubjects = ["employer", "offer"] as const;
export type HealthSubject = (typeof healthSubjects)[number];

/** The ex-growth signs, each with its answers; `bad` are the ones that point to an ex-growth company. */
export const healthSigns = {
  valuation: {
    label: "Valuation against product-market fit",
    options: {
      in_line: "In line with the fit it has",
      ahead: "Priced well ahead of the fit it has",
      unknown: "I don't know",
    },
    bad: ["ahead"],
  },
  pull: {
    label: "Organic pull or paid acquisition",
    options: {
      organic: "Mostly organic pull",
      mixed: "A mix",
      paid: "Mostly bought with paid acquisition",
      unknown: "I don't know",
    },
    bad: ["paid"],
  },
  growth: {
    label: "Growth trend",
    options: {
      accelerating: "Accelerating",
      steady: "Steady",
      slowing: "Slowing",
      shrinking: "Shrinking",
      unknown: "I don't know",
    },
    bad: ["slowing", "shrinking"],
  },
  funding: {
    label: "Funding and hiring",
    options: {
      raising: "Raising and hiring",
      flat: "Flat: replacing people only",
      freeze: "Hiring freeze, or struggling to raise",
      unknown: "I don't know",
    },
    bad: ["freeze"],
  },
  layoffs: {
    label: "Layoffs or reorganisations",
    options: {
      none: "None lately",
      one: "One",
      repeated: "More than one in two years",
      unknown: "I don't know",
    },
    bad: ["repeated"],
  },
} as const;
export type HealthSign = keyof typeof healthSigns;
export const healthSignKeys = Object.keys(healthSigns) as HealthSign[];

const signAnswer = <K extends HealthSign>(key: K) =>
  z
    .enum(Object.keys(healthSigns[key].options) as [string, ...string[]], {
      error: `Pick an answer for ${healthSigns[key].label.toLowerCase()}, or “I don't know”`,
    })
    .default("unknown");

const money = (what: string) =>
  z
    .number({ error: `Enter ${what} as a number` })
    .min(0, `${what.charAt(0).toUpperCase()}${what.slice(1)} cannot be negative`)
    .max(1e13, `Enter ${what} below 10 trillion`);

export const equityInput = z.strictObject({
  shares: z
    .number({ error: "Enter the number of shares or options in your grant" })
    .int("Enter whole shares")
    .min(1, "Enter the shares in your grant")
    .max(1e10, "Enter fewer than 10 billion shares"),
  strikePrice: money("the strike price").default(0),
  fullyDilutedShares: z
    .number({ error: "Enter the company's fully diluted share count" })
    .int("Enter whole shares")
    .min(1, "Enter the company's fully diluted share count")
    .max(1e12, "Enter fewer than a trillion shares"),
  preferences: z
    .array(
      z.strictObject({
        name: plainText()
          .trim()
          .min(1, "Name the round, such as Series B")
          .max(60, "Keep the name under 60 characters"),
        amount: money("the preference"),
      }),
    )
    .max(10, "List at most ten rounds")
    .default([]),
  exitValues: z
    .array(money("the exit value"))
    .min(1, "Enter at least one exit value")
    .max(5, "Enter at most five exit values"),
});
export type EquityInput = z.infer<typeof equityInput>;

export const healthCheckInput = z.strictObject({
  company: plainText().trim().min(1, "Name the company").max(120, "Keep the name under 120 characters"),
  subject: z.enum(healthSubjects, { error: "Say whether this is your employer or an offer" }),
  signs: z
    .strictObject({
      valuation: signAnswer("valuation"),
      pull: signAnswer("pull"),
      growth: signAnswer("growth"),
      funding: signAnswer("funding"),
      layoffs: signAnswer("layoffs"),
    })
    .prefault({}),
  signNotes: plainText().trim().max(2000, "Keep the notes under 2000 characters").default(""),
  equity: equityInput.nullable().default(null),
  reasons: z
    .strictObject({
      roleElsewhere: z.boolean().default(false),
      loyalty: z.boolean().default(false),
      fearOfSearch: z.boolean().default(false),
      notes: plainText().trim().max(2000, "Keep the notes under 2000 characters").default(""),
    })
    .prefault({}),
  decisionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "This decision id is not valid")
    .nullable()
    .default(null),
});
export type HealthCheckInput = z.infer<typeof healthCheckInput>;
export const healthCheckUpdateInput = withVersion(healthCheckInput);

export const healthCheckOutput = z
  .object({
    id: z.string(),
    company: z.string(),
    subject: z.enum(healthSubjects),
    signs: z.record(z.enum(healthSignKeys as [HealthSign, ...HealthSign[]]), z.string()),
    signNotes: z.string(),
    equity: equityInput.nullable(),
    reasons: z.object({
      roleElsewhere: z.boolean(),
      loyalty: z.boolean(),
      fearOfSearch: z.boolean(),
      notes: z.string(),
    }),
    decision: z.object({ id: z.string(), dilemma: z.string() }).nullable(),
    scenarios: z.array(
      z.object({
        exitValue: z.number(),
        preferences: z.number(),
        toCommon: z.number(),
        grantValue: z.number().meta({
          description:
            "What the grant is worth after the preference stack and the exercise cost, never below 0",
        }),
      }),
    ),
    verdict: z.object({
      headline: z.string(),
      exGrowthSigns: z.number().int(),
      knownSigns: z.number().int(),
      reasons: z.array(z.string()),
    }),
    createdAt: instantOutput,
    updatedAt: instantOutput,
    version: z.number().int(),
  })
  .meta({ id: "CompanyHealthCheck" });
export type HealthCheck = z.infer<typeof healthCheckOutput>;
export const healthCheckListOutput = z.object({ checks: z.array(healthCheckOutput) });

export type Scenario = HealthCheck["scenarios"][number];

/**
 * What the grant is worth at each exit value: the preference stack is paid first (each round's
 * preference in full, as written on its terms), what is left goes to common pro rata, and the
 * exercise cost comes off. A simplification: participation and conversion are not modelled.
 */
export function equityScenarios(equity: EquityInput | null): Scenario[] {
  if (!equity) return [];
  const stack = equity.preferences.reduce((sum, p) => sum + p.amount, 0);
  return equity.exitValues.map((exitValue) => {
    const toCommon = Math.max(0, exitValue - stack);
    const gross = (toCommon * equity.shares) / equity.fullyDilutedShares;
    const grantValue = Math.max(0, gross - equity.shares * equity.strikePrice);
    return {
      exitValue,
      preferences: Math.min(stack, exitValue),
      toCommon,
      grantValue: Math.round(grantValue),
    };
  });
}

const money0 = new Intl.NumberFormat("en", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
  notation: "compact",
});
export const formatMoney = (value: number) => money0.format(value);

/** The plain verdict: words first, with every reason it rests on. */
export function healthVerdict(
  input: Pick<HealthCheckInput, "subject" | "signs" | "reasons" | "equity">,
): HealthCheck["verdict"] {
  const reasons: string[] = [];
  let exGrowthSigns = 0;
  let knownSigns = 0;
  for (const key of healthSignKeys) {
    const answer = input.signs[key] as string;
    if (answer === "unknown") continue;
    knownSigns += 1;
    const sign = healthSigns[key];
    const words = (sign.options as Record<string, string>)[answer] ?? answer;
    if ((sign.bad as readonly string[]).includes(answer)) {
      exGrowthSigns += 1;
      reasons.push(`${sign.label}: ${words.toLowerCase()}. An ex-growth sign.`);
    } else {
      reasons.push(`${sign.label}: ${words.toLowerCase()}.`);
    }
  }
  const unknown = healthSignKeys.length - knownSigns;
  if (unknown > 0) {
    reasons.push(
      `${unknown} of the ${healthSignKeys.length} signs are unknown: find them out before deciding (ask finance, read the board updates, ask recent leavers).`,
    );
  }
  const scenarios = equityScenarios(input.equity);
  if (scenarios.length > 0) {
    const described = scenarios
      .map((s) => `${formatMoney(s.grantValue)} at a ${formatMoney(s.exitValue)} exit`)
      .join(", ");
    reasons.push(`Your grant, after the preference stack and exercise cost: ${described}.`);
    if (scenarios.every((s) => s.grantValue === 0)) {
      reasons.push("At every exit you entered, the grant is worth nothing: equity is no reason to stay.");
    }
  }
  const { roleElsewhere, loyalty, fearOfSearch } = input.reasons;
  if (roleElsewhere)
    reasons.push(
      "A role you could not get elsewhere is a real reason to stay: name what it gives you and for how long.",
    );
  if (loyalty)
    reasons.push(
      "Loyalty to the team is real, but the team is better served by you at your best, and they may move on too.",
    );
  if (fearOfSearch) {
    reasons.push(
      "Fear of not finding another job is not a reason to stay: it is a reason to start looking while you are still employed.",
    );
  }
  const offer = input.subject === "offer";
  let headline: string;
  if (knownSigns < 2) {
    headline = "Not enough known yet to judge: find out the signs first.";
  } else if (exGrowthSigns >= 3) {
    headline = offer
      ? "This looks like an ex-growth company: think twice before joining."
      : roleElsewhere
        ? "This looks like an ex-growth company, but your role is rare: stay for it, with a date to go."
        : "This looks like an ex-growth company: plan your move.";
  } else if (exGrowthSigns === 2) {
    headline = offer
      ? "Mixed signs: ask hard questions before you accept."
      : "Mixed signs: watch them closely and keep your options open.";
  } else {
    headline = offer
      ? "Growing: a good bet on these signs."
      : "Still growing: a good place to stay and grow.";
  }
  if (fearOfSearch && !roleElsewhere && !loyalty && exGrowthSigns >= 2 && !offer) {
    headline += " Fear is the only thing keeping you.";
  }
  return { headline, exGrowthSigns, knownSigns, reasons };
}
