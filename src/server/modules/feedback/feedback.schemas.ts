import { z } from "@hono/zod-openapi";
import { themeKeys } from "../../../shared/feedback-themes.ts";
import { laneIds } from "../../../shared/lanes.ts";
import { superpowerKeys } from "../../../shared/superpowers.ts";
import { versionOutput } from "../../http/router.ts";

// What leaves the server, described for the API document; the presenters build exactly these fields.
const day = z.string().openapi({ format: "date", example: "2026-03-01" });
const question = z.object({ key: z.string(), prompt: z.string() });

export const idParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This id is not valid: it has characters no Sidecar id uses"),
});

export const tokenParam = z.object({
  token: z.string().max(200, "This feedback link is not valid. Check that you copied all of it."),
});

export const questionKeyParam = idParam.extend({
  questionKey: z.string().regex(/^(q[1-9]|[a-z]{1,20})$/, "There is no such question"),
});

const summaryShape = {
  id: z.string(),
  purpose: z.string(),
  status: z.enum(["open", "closed"]),
  closesOn: day,
  closedOn: day.nullable(),
  createdOn: day,
  minResponses: z.number().int(),
  responses: z.object({
    shown: z.number().int().openapi({ description: "Exact until results open, then a multiple of k" }),
    atLeast: z.boolean(),
  }),
  resultsOpen: z.boolean(),
};

export const requestSummaryOutput = z.object(summaryShape).openapi("FeedbackRequestSummary");

const requestShape = {
  ...summaryShape,
  questions: z.array(question),
  lanes: z.array(z.enum(laneIds)),
  openedOn: day.nullable(),
  reminderSentOn: day.nullable(),
  thankedOn: day.nullable(),
  minResponsesLocked: z.boolean(),
  version: versionOutput.openapi({
    description: "Counts changes to the settings (closing date, k, closing); answers arriving leave it alone",
  }),
};

export const requestOutput = z
  .object({
    ...requestShape,
    invitations: z.object({ emails: z.array(z.string()), links: z.number().int() }),
  })
  .openapi("FeedbackRequest");

const reflection = {
  heard: z.string(),
  readOn: day.nullable(),
  version: versionOutput.openapi({ description: "The reflection's version; 0 before the first one" }),
};

const theme = z
  .object({
    key: z.enum(themeKeys),
    label: z.string(),
    paragraphs: z.array(z.string()).openapi({ description: "Shuffled afresh on every read" }),
  })
  .openapi("FeedbackTheme", {
    description:
      "Paragraphs grouped by the words they use, each in exactly one theme. Biggest first, Other last; counts are paragraphs, not people.",
  });

export const resultsOutput = z
  .object({
    open: z.boolean(),
    minResponses: z.number().int(),
    questions: z.array(
      z.object({
        key: z.string(),
        prompt: z.string(),
        shown: z.boolean(),
        themes: z.array(theme),
        ...reflection,
      }),
    ),
    lanes: z.array(
      z.object({
        lane: z.enum(laneIds),
        shown: z.boolean(),
        distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
        raters: z.number().int(),
        median: z.number().nullable(),
        mean: z.number().nullable(),
        self: z.number().int().nullable(),
        comments: z.array(z.string()),
        ...reflection,
      }),
    ),
    selfAssessedOn: day.nullable(),
  })
  .openapi("FeedbackResults");

export const exportOutput = z
  .object({
    exportedOn: day,
    request: z.object({ ...requestShape, invited: z.number().int() }),
    results: resultsOutput,
  })
  .openapi("FeedbackExport");

export const invitationsOutput = z
  .object({
    request: requestOutput,
    links: z.array(z.string()).openapi({ description: "Single-use links to copy; shown only this once" }),
    alreadyInvited: z.array(z.string()),
  })
  .openapi("FeedbackInvitations");

export const giverViewOutput = z
  .object({
    status: z.enum(["open", "used", "closed", "unknown"]),
    askedBy: z.string().optional(),
    purpose: z.string().optional(),
    closesOn: day.optional(),
    minResponses: z.number().int().optional(),
    questions: z.array(question).optional(),
    lanes: z.array(z.enum(laneIds)).optional(),
  })
  .openapi("FeedbackLink");

export const superpowersOutput = z
  .object({
    chosen: z.array(
      z.object({
        key: z.enum(superpowerKeys),
        label: z.string(),
        shadow: z.string(),
        explanation: z.string(),
        response: z.string(),
      }),
    ),
    contradictions: z.array(
      z.object({
        superpower: z.enum(superpowerKeys).nullable(),
        kind: z.enum(["lane", "comment"]),
        lane: z.enum(laneIds).nullable(),
        self: z.number().nullable(),
        givers: z.number().nullable(),
        text: z.string(),
        requestId: z.string(),
      }),
    ),
    version: versionOutput.openapi({ description: "0 until the first save" }),
  })
  .openapi("Superpowers");
