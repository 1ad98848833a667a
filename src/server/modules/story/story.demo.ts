import { eq } from "drizzle-orm";
import { type StoryEntryInput, storyEntryInput } from "../../../shared/story.ts";
import { users } from "../../auth/auth.table.ts";
import type { Db } from "../../db/open.ts";
import { listPortfolioRoleRows } from "../portfolio/portfolio.repo.ts";
import { insertStoryEntry } from "./story.repo.ts";

type DemoEntry = Omit<StoryEntryInput, "portfolioRoleId"> & { company: string | null };

/** Story entries per demo member, oldest first; each names the portfolio role at its company. */
const demoStories: Record<string, DemoEntry[]> = {
  "priya@demo.sidecar": [
    {
      title: "Checkout rebuild at Shopwise",
      company: "Shopwise",
      problem:
        "One shopper in five abandoned checkout on a phone, and the old flow could not be changed without breaking the payment providers behind it.",
      actions:
        "I mapped every step shoppers dropped at, cut the flow from five screens to two, and ran the new one beside the old for a month so the providers could test against it.",
      skills: ["crafting", "growth"],
      headwinds: "The payments team owned the old flow and saw the rebuild as a risk to their numbers.",
      overcome: "I gave them the stop switch for the trial and reported their error rates first, every week.",
      result: "Phone abandonment fell from 21% to 13%, and the payments team asked to own the new flow.",
    },
    {
      title: "Card issuing launch at Ledgerline",
      company: "Ledgerline",
      problem:
        "Card issuing sat in a pilot with ten customers for a year; three teams each waited on the other two.",
      actions:
        "I wrote one launch plan the three teams signed, set a weekly risk review, and cut the scope to the three markets where our licences were ready.",
      skills: ["crafting", "domain", "organizational"],
      headwinds:
        "We slipped the first date by six weeks when a card scheme changed its rules, and the sales team had already promised it.",
      overcome:
        "I told the customers myself, with the new date and why, and we kept every one of the pilot customers.",
      result:
        "Generally available in three markets on the second date; issuing is now a fifth of new revenue.",
    },
  ],
  "jonas@demo.sidecar": [
    {
      title: "Onboarding checklist at Fieldnote",
      company: "Fieldnote",
      problem: "New teams set up Fieldnote alone and half of them never invited a second person.",
      actions:
        "I interviewed twelve teams that stalled, wrote the spec for a four-step checklist, and ran the usability tests with design.",
      skills: ["crafting"],
      headwinds: "We planned a full guided tour first, which was too big for one quarter.",
      overcome: "I proposed the checklist as the first slice and kept the tour for later.",
      result: "Teams inviting a second person in their first week went from 48% to 61%.",
    },
  ],
};

/** Career story entries for the demo members who write one. */
export async function seedDemoStories(db: Db) {
  for (const [email, entries] of Object.entries(demoStories)) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) continue;
    const roles = await listPortfolioRoleRows(db, user.id);
    for (const { company, ...entry } of entries) {
      const portfolioRoleId = roles.find((role) => role.company === company)?.id ?? null;
      // Parsed like a member's own entry, so the demo cannot hold one the form would refuse.
      await insertStoryEntry(db, user.id, storyEntryInput.parse({ ...entry, portfolioRoleId }));
    }
  }
}
