import type { Contradiction, SuperpowersInput, SuperpowersView } from "../../../shared/feedback.ts";
import { type SuperpowerKey, soundsLikeShadow, superpowers } from "../../../shared/superpowers.ts";
import type { Versioned } from "../../../shared/version.ts";
import { requireAccess } from "../../access/require-access.ts";
import type { Db } from "../../db/open.ts";
import type { Viewer } from "../../http/viewer.ts";
import { listMyLaneAssessments } from "../lanes/lanes.service.ts";
import { presentResults } from "./feedback.presenter.ts";
import {
  findSuperpowerRow,
  listRequestRows,
  releasedAnswerRows,
  saveSuperpowerRow,
} from "./feedback.repo.ts";

// Per request, so one request full of matching comments cannot hide what another one says.
const maxCommentsPerRequest = 6;

/**
 * Feedback that argues with the self-image: lanes the member rated high where givers rated low
 * (always all of them), and comments that sound like the shadow of a superpower they named. Only
 * results already shown to the member are read, so this view reveals nothing the results pages do not.
 */
async function findContradictions(db: Db, me: Viewer, chosen: SuperpowerKey[]): Promise<Contradiction[]> {
  const rows = (await listRequestRows(db, me.userId)).filter((row) => row.openedOn !== null);
  const [answers, assessments] = await Promise.all([
    releasedAnswerRows(
      db,
      rows.map((row) => row.id),
    ),
    listMyLaneAssessments(db, me),
  ]);
  const found: Contradiction[] = [];
  for (const row of rows) {
    const results = presentResults(
      row,
      answers.filter((a) => a.requestId === row.id),
      assessments[0],
    );
    for (const lane of results.lanes) {
      if (!lane.shown || lane.self === null || lane.median === null) continue;
      if (lane.self >= 4 && lane.median <= lane.self - 2) {
        found.push({
          superpower: chosen.find((key) => superpowers[key].lane === lane.lane) ?? null,
          kind: "lane",
          lane: lane.lane,
          self: lane.self,
          givers: lane.median,
          text: "",
          requestId: row.id,
        });
      }
    }
    const paragraphs = [
      ...results.questions.flatMap((q) =>
        q.themes.flatMap((theme) => theme.paragraphs.map((text) => ({ text, lane: null }))),
      ),
      ...results.lanes.flatMap((l) => l.comments.map((text) => ({ text, lane: l.lane }))),
    ];
    let comments = 0;
    for (const { text, lane } of paragraphs) {
      if (comments === maxCommentsPerRequest) break;
      const match = chosen.find((key) => soundsLikeShadow(key, text));
      if (!match) continue;
      comments += 1;
      found.push({
        superpower: match,
        kind: "comment",
        lane,
        self: null,
        givers: null,
        text,
        requestId: row.id,
      });
    }
  }
  return found;
}

async function view(db: Db, me: Viewer): Promise<SuperpowersView> {
  const row = await findSuperpowerRow(db, me.userId);
  const chosen = row?.superpowers ?? [];
  return {
    chosen: chosen.map((key) => ({
      key,
      label: superpowers[key].label,
      shadow: superpowers[key].shadow,
      explanation: superpowers[key].explanation,
      response: row?.responses[key] ?? "",
    })),
    contradictions: await findContradictions(db, me, chosen),
    version: row?.version ?? 0,
  };
}

export async function getMySuperpowers(db: Db, viewer: Viewer | null) {
  // Superpowers and what the member says about their shadows are theirs alone.
  const me = await requireAccess(db, viewer, "read", "superpowers");
  return view(db, me);
}

export async function saveMySuperpowers(db: Db, viewer: Viewer | null, input: SuperpowersInput & Versioned) {
  const me = await requireAccess(db, viewer, "update", "superpowers");
  const responses = Object.fromEntries(
    Object.entries(input.responses).filter(([key]) => input.superpowers.includes(key as SuperpowerKey)),
  );
  await saveSuperpowerRow(db, me.userId, { superpowers: input.superpowers, responses }, input.version);
  return view(db, me);
}
