import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltUser, buildUser } from "../../../../test/factories.ts";
import {
  copyLinks,
  createFeedbackRequest,
  give,
  results,
  tokenFromEmail,
} from "../../../../test/feedback.ts";
import { createTestContext, type TestContext } from "../../../../test/harness.ts";

let ctx: TestContext;
let receiver: BuiltUser;
let run = 0;
let opened = 0;
beforeAll(async () => {
  ctx = await createTestContext({ LOG_LEVEL: "error" });
  receiver = await buildUser(ctx);
});
afterAll(() => ctx.close());

type Action =
  | { kind: "invite"; emails: number; links: number }
  | { kind: "give"; who: number; reuse: boolean; questions: boolean[]; rating: number }
  | { kind: "remind" }
  | { kind: "close" };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("invite" as const), emails: fc.nat(2), links: fc.nat(2) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("give" as const),
      who: fc.nat(),
      reuse: fc.nat(6).map((n) => n === 0),
      questions: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      rating: fc.integer({ min: 1, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "remind" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "close" as const }) },
);

type View = {
  count: number;
  atLeast: boolean;
  open: boolean;
  paragraphs: Record<string, string[]>;
  raters: Record<string, number>;
};

/** Which giver wrote a paragraph: only the test knows, from the marker it put in each one. */
const authorOf = (paragraph: string) => paragraph.match(/^giver(\d+) /)?.[1] ?? "?";

async function look(id: string): Promise<View> {
  const detail = await (
    await ctx.request(`/api/feedback/requests/${id}`, { cookie: receiver.cookie })
  ).json();
  const shown = await results(ctx, receiver.cookie, id);
  const exported = await (
    await ctx.request(`/api/feedback/requests/${id}/export`, { cookie: receiver.cookie })
  ).json();
  // The export holds exactly what the results page shows, in the same themes.
  type Theme = { key: string; paragraphs: string[] };
  const byTheme = (themes: Theme[]) =>
    themes.map((t) => ({ key: t.key, paragraphs: [...t.paragraphs].sort() }));
  const paragraphs: Record<string, string[]> = {};
  for (const q of shown.questions) paragraphs[q.key] = q.themes.flatMap((t: Theme) => t.paragraphs).sort();
  for (const l of shown.lanes) paragraphs[l.lane] = [...l.comments].sort();
  for (const q of exported.results.questions) {
    const onPage = shown.questions.find((s: { key: string }) => s.key === q.key);
    expect(byTheme(q.themes)).toEqual(byTheme(onPage.themes));
  }
  return {
    count: detail.responses.shown,
    atLeast: detail.responses.atLeast,
    open: shown.open,
    paragraphs,
    raters: Object.fromEntries(shown.lanes.map((l: { lane: string; raters: number }) => [l.lane, l.raters])),
  };
}

describe("no two views of the receiver single out an answer", () => {
  it("holds for random requests, invitation orders, answers, reminders and closures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 4 }),
        fc.array(action, { minLength: 4, maxLength: 18 }),
        async (k, actions) => {
          run += 1;
          const { id } = await createFeedbackRequest(ctx, receiver.cookie, { minResponses: k });
          const invitees: { email?: string; token: string; used?: boolean }[] = (
            await copyLinks(ctx, receiver.cookie, id, k)
          ).map((token) => ({ token }));
          const views: View[] = [await look(id)];
          let closed = false;
          let reminded = false;
          let givers = 0;
          for (const step of actions) {
            if (step.kind === "invite" && !closed && step.emails + step.links > 0) {
              const emails = Array.from(
                { length: step.emails },
                (_, i) => `p${run}-${invitees.length + i}@example.test`,
              );
              const response = await ctx.request(`/api/feedback/requests/${id}/invitations`, {
                body: { emails, links: step.links },
                cookie: receiver.cookie,
              });
              expect(response.status).toBe(200);
              for (const email of emails) invitees.push({ email, token: await tokenFromEmail(ctx, email) });
              for (const link of (await response.json()).links as string[])
                invitees.push({ token: link.split("/give/")[1] as string });
            } else if (step.kind === "give" && invitees.length > 0) {
              // Mostly a fresh link, sometimes one already used, which must be refused.
              const unused = invitees.filter((i) => !i.used);
              const pool = step.reuse || unused.length === 0 ? invitees : unused;
              const invitee = pool[step.who % pool.length] as (typeof invitees)[number];
              const marker = `giver${givers}`;
              const answers = Object.fromEntries(
                step.questions.flatMap((on, i) =>
                  on && i < 2 ? [[`q${i + 1}`, `${marker} says ${i}.\n${marker} adds more.`]] : [],
                ),
              );
              const lanes = step.questions[2]
                ? { crafting: { rating: step.rating, comment: `${marker} on crafting.` } }
                : {};
              const response = await give(ctx, invitee.token, { answers, lanes });
              const nothing = Object.keys(answers).length === 0 && !step.questions[2];
              const expected = closed || invitee.used ? 409 : nothing ? 400 : 200;
              expect(response.status).toBe(expected);
              if (response.status === 200) {
                invitee.used = true;
                givers += 1;
              }
            } else if (step.kind === "remind" && !closed) {
              const response = await ctx.request(`/api/feedback/requests/${id}/reminder`, {
                body: {},
                cookie: receiver.cookie,
              });
              const hasEmail = invitees.some((i) => i.email);
              expect(response.status).toBe(!reminded && hasEmail ? 200 : 409);
              if (response.status === 200) {
                reminded = true;
                for (const invitee of invitees) {
                  if (invitee.email && !invitee.used)
                    invitee.token = await tokenFromEmail(ctx, invitee.email);
                }
              }
            } else if (step.kind === "close" && !closed) {
              await ctx.request(`/api/feedback/requests/${id}/close`, { body: {}, cookie: receiver.cookie });
              closed = true;
            }
            views.push(await look(id));
          }

          opened += views.at(-1)?.open ? 1 : 0;
          for (const view of views) {
            if (!view.open) expect(Object.values(view.paragraphs).flat()).toEqual([]);
            if (view.atLeast) expect(view.count % k).toBe(0);
            for (const list of Object.values(view.paragraphs)) {
              if (list.length > 0) expect(new Set(list.map(authorOf)).size).toBeGreaterThanOrEqual(k);
            }
          }
          // Any two views, compared: what one shows beyond the other comes from k givers or more.
          for (const [i, earlier] of views.entries()) {
            for (const later of views.slice(i + 1)) {
              for (const [key, list] of Object.entries(later.paragraphs)) {
                const before = new Set(earlier.paragraphs[key] ?? []);
                expect((earlier.paragraphs[key] ?? []).every((p) => list.includes(p))).toBe(true);
                const added = new Set(list.filter((p) => !before.has(p)).map(authorOf));
                if (added.size > 0) expect(added.size).toBeGreaterThanOrEqual(k);
                const newRaters = (later.raters[key] ?? 0) - (earlier.raters[key] ?? 0);
                if (newRaters !== 0) expect(newRaters).toBeGreaterThanOrEqual(k);
              }
              if (earlier.atLeast && later.count !== earlier.count) {
                expect(later.count - earlier.count).toBeGreaterThanOrEqual(k);
              }
            }
          }
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 15),
        seed: Number(process.env.PROPERTY_SEED ?? 20261207),
      },
    );
    // The property means little unless most runs get as far as showing results.
    expect(opened).toBeGreaterThan(Number(process.env.PROPERTY_RUNS ?? 15) / 2);
  });
});
