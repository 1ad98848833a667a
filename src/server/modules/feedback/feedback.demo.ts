import { addDays, isoDay } from "../../../shared/calendar-date.ts";
import type { GiveInput } from "../../../shared/feedback.ts";
import { starterQuestions } from "../../../shared/feedback.ts";
import type { Db } from "../../db/open.ts";
import { newToken } from "./anonymity.ts";
import {
  findInvitationByHash,
  findRequestRow,
  insertInvitationRows,
  insertRequestRow,
  saveSuperpowerRow,
} from "./feedback.repo.ts";
import { storeSubmission } from "./giving.service.ts";

const demoAnswers: GiveInput[] = [
  {
    answers: {
      q1: "The launch reviews you run are the clearest in the company.\nYou always explain the why before the what.",
      q2: "Start bringing engineering leads into discovery earlier; they hear about bets too late.",
      q3: "Your confidence in the narrative sometimes hides how much detail is still open.",
    },
    lanes: {
      crafting: { rating: 3, comment: "Specs are good but edge cases slip through to QA." },
      organizational: { rating: 4, comment: "" },
      team: { rating: 2, comment: "" },
    },
  },
  {
    answers: {
      q1: "Keep writing the monthly product update. People actually read it.",
      q3: "When you are sure, you stop asking questions. That's when details get missed.",
    },
    lanes: {
      crafting: { rating: 2, comment: "Follow-through on small fixes after a launch is patchy." },
      organizational: { rating: 4, comment: "You get finance and legal on side faster than anyone." },
      team: { rating: 3, comment: "" },
    },
  },
  {
    answers: {
      q1: "You make customers real for the whole team.",
      q2: "Stop saying yes to every partner request in the room; decide afterwards.",
      q3: "The story is compelling, and sometimes it runs ahead of what we have built.",
    },
    lanes: {
      crafting: { rating: 3, comment: "" },
      organizational: { rating: 3, comment: "" },
      team: { rating: 2, comment: "I would like more coaching from you on writing specs." },
    },
  },
  {
    answers: { q1: "Your calm in incidents.", q2: "Start delegating the launch checklist." },
    lanes: {
      crafting: { rating: 2, comment: "" },
      organizational: { rating: 4, comment: "" },
      team: { rating: 2, comment: "" },
    },
  },
];

/** One request with results open, built through the same path real answers take. */
export async function seedDemoFeedback(db: Db, userId: string) {
  const today = isoDay();
  const request = await insertRequestRow(db, {
    userId,
    purpose: "I want to move to product lead next year. What should I keep, and what gets in my way?",
    questions: starterQuestions.map((prompt, index) => ({ key: `q${index + 1}`, prompt })),
    lanes: ["crafting", "organizational", "team"],
    closesOn: addDays(today, 10),
    minResponses: 3,
  });
  const links = Array.from({ length: 6 }, (_, index) => ({
    email: index < 5 ? `colleague${index + 1}@demo.sidecar` : null,
    ...newToken(),
  }));
  await insertInvitationRows(
    db,
    request.id,
    links.map(({ email, tokenHash }) => ({ email, tokenHash })),
  );
  for (const [index, answer] of demoAnswers.entries()) {
    const link = links[index];
    if (!link) break;
    await db.transaction(async (tx) => {
      const locked = await findRequestRow(tx, request.id, { lock: true });
      const invitation = await findInvitationByHash(tx, link.tokenHash, { lock: true });
      if (!locked || !invitation) throw new Error("the demo request went missing");
      await storeSubmission(tx, locked, invitation.id, answer, { answeredOn: today, receiverToday: today });
    });
  }
  await saveSuperpowerRow(db, userId, { superpowers: ["storyteller", "collaborator"], responses: {} }, 0);
}
