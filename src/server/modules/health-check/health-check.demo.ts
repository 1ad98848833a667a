import { healthCheckInput } from "../../../shared/health-check.ts";
import type { Db } from "../../db/open.ts";
import { insertHealthCheck } from "./health-check.repo.ts";

/**
 * The first demo member's two checks behind her "grit it out or move on?" decision: her employer, and
 * the start-up's offer with its equity (written last, so it opens the list). Parsed like a member's own,
 * so the demo holds nothing the form refuses.
 */
export async function seedDemoHealthChecks(db: Db, userId: string, decisionId: string) {
  await insertHealthCheck(
    db,
    userId,
    healthCheckInput.parse({
      company: "Ledgerline",
      subject: "employer",
      signs: { valuation: "in_line", pull: "organic", growth: "steady", funding: "flat", layoffs: "one" },
      signNotes: "One reorganisation last spring, no layoffs; most new customers come from referrals.",
      reasons: {
        loyalty: true,
        fearOfSearch: true,
        notes: "I would lead the relaunch and hire two PMs: a team I could not get elsewhere yet.",
      },
      decisionId,
    }),
  );
  await insertHealthCheck(
    db,
    userId,
    healthCheckInput.parse({
      company: "Tillpoint",
      subject: "offer",
      signs: {
        valuation: "ahead",
        pull: "mixed",
        growth: "accelerating",
        funding: "raising",
        layoffs: "none",
      },
      signNotes:
        "Raised a seed round at a price that assumes the next two years go to plan; twelve paying merchants so far.",
      equity: {
        shares: 40_000,
        strikePrice: 0.5,
        fullyDilutedShares: 10_000_000,
        preferences: [{ name: "Seed", amount: 4_000_000 }],
        exitValues: [10_000_000, 60_000_000, 250_000_000],
      },
      reasons: { roleElsewhere: true, notes: "First payments product lead, reporting to the founder." },
      decisionId,
    }),
  );
}
