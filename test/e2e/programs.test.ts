import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../src/server/auth/auth.table.ts";
import { closeMatchingWorker } from "../../src/server/matching/solve-in-worker.ts";
import { programParticipants } from "../../src/server/modules/programs/programs.table.ts";
import type { Sidecar } from "../../src/server/server.ts";
import { expectAccessibleAtBothWidths, openPage, signUpInBrowser, startBrowserTarget } from "./browser.ts";

let sidecar: Sidecar;
let browser: Browser;
let baseUrl: string;
let admin: Page;
let mentee: Page;
let mentors: Page[];
const emails: Record<string, string> = {};
const bigMentees = Number(process.env.BIG_COHORT_MENTEES ?? 6000);
const bigMentors = Math.round(bigMentees / 8);

async function send(page: Page, method: string, path: string, body: Record<string, unknown>) {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const headers = { "content-type": "application/json", accept: "application/json" };
      const version =
        method === "PUT"
          ? ((await (await fetch(path, { headers })).json()) as { version?: number }).version
          : undefined;
      const sent = method === "PUT" ? { ...body, version: version ?? 0 } : body;
      const response = await fetch(path, { method, headers, body: JSON.stringify(sent) });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );
  expect(answer.status, `${method} ${path}`).toBe(200);
  return answer.body;
}

const slots = [
  { weekday: 2, start: "09:00", end: "11:00" },
  { weekday: 4, start: "14:00", end: "16:00" },
];

beforeAll(async () => {
  ({ sidecar, browser, baseUrl } = await startBrowserTarget());
  admin = await openPage(browser);
  mentee = await openPage(browser);
  mentors = [await openPage(browser), await openPage(browser)];
  await signUpInBrowser(admin, { sidecar, baseUrl }, { name: "Pat Admin" });
  emails.mentee = (await signUpInBrowser(mentee, { sidecar, baseUrl }, { name: "Ben Mentee" })).email;
  await send(mentee, "PUT", "/api/profile", { name: "Ben Mentee", timeZone: "UTC", level: "pm" });
  for (const [k, page] of mentors.entries()) {
    const name = k === 0 ? "Nora Mentor" : "Omar Mentor";
    emails[`mentor${k}`] = (await signUpInBrowser(page, { sidecar, baseUrl }, { name })).email;
    await send(page, "PUT", "/api/profile", { name, timeZone: "UTC", level: "group_pm" });
  }
});
afterAll(async () => {
  await browser?.close();
  await sidecar?.close();
  await closeMatchingWorker();
});

const csv = (extra: string) =>
  [
    "email,name,role,manager_email,capacity",
    `${emails.mentee},Ben Mentee,mentee,,`,
    `${emails.mentor0},Nora Mentor,mentor,,2`,
    `${emails.mentor1},Omar Mentor,mentor,,2`,
    extra,
  ].join("\n");

describe("a program admin matches a cohort; a participant reads why", () => {
  it("starts a program and a cohort", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programs" }).click();
    await admin.getByRole("heading", { name: "You run no program yet" }).waitFor();
    await expectAccessibleAtBothWidths(admin, "programs-empty");
    await admin.getByLabel("Program name").fill("Product mentoring");
    await admin.getByRole("button", { name: "Start the program" }).click();
    await admin.getByRole("heading", { name: "Product mentoring" }).waitFor();
    await admin.getByLabel("Cohort name").fill("Spring cohort");
    await admin.getByLabel("First day").fill("2026-03-02");
    await admin.getByLabel("Last day").fill("2026-06-30");
    await admin.getByRole("button", { name: "Add the cohort" }).click();
    await admin.getByRole("link", { name: "Spring cohort" }).click();
    await admin.getByRole("heading", { name: "Spring cohort" }).waitFor();
    // Each page leads back where the admin came from: the cohort to its program, the program to the list.
    await admin.getByRole("main").getByRole("link", { name: "Product mentoring" }).click();
    await admin.getByRole("heading", { level: 1, name: "Product mentoring" }).waitFor();
    await admin.getByRole("main").getByRole("link", { name: "Programs", exact: true }).click();
    await admin.getByRole("heading", { level: 1, name: "Programs" }).waitFor();
    expect(new URL(admin.url()).pathname).toBe("/programs");
    await admin.getByRole("link", { name: "Product mentoring" }).click();
    await admin.getByRole("link", { name: "Spring cohort" }).click();
    await admin.getByRole("heading", { name: "Spring cohort" }).waitFor();
  });

  it("previews a CSV whose bad rows are explained by line and column, then imports the fixed file", async () => {
    const file = admin.getByLabel("CSV file");
    await file.setInputFiles({
      name: "cohort.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv("not-an-email,Broken,mentee,,\nsam@example.test,Sam,coach,,")),
    });
    await admin.getByRole("button", { name: /^Preview/ }).click();
    const problems = admin.getByRole("table").filter({ hasText: "Problem" });
    await problems.getByRole("row", { name: /5 email/ }).waitFor();
    await expect(problems.getByRole("row", { name: /6 role Enter mentee or mentor/ }).count()).resolves.toBe(
      1,
    );
    await expectAccessibleAtBothWidths(admin, "cohort-import-errors");
    await file.setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(csv("")) });
    await admin.getByRole("button", { name: /^Preview/ }).click();
    await admin.getByRole("button", { name: "Import 3 participants" }).click();
    await admin.getByText("3 invited by email").waitFor();
    await admin.getByRole("cell", { name: /Nora Mentor/ }).waitFor();
  });

  it("lets participants join with their own data and a few answers", async () => {
    await mentee.goto(`${baseUrl}/programs/mine`);
    await mentee.getByRole("heading", { name: /Product mentoring: Spring cohort/ }).waitFor();
    await mentee.getByLabel("Your goals, one a line").fill("Lead a team");
    await mentee.getByLabel("Time zone of your availability").fill("UTC");
    await expectAccessibleAtBothWidths(mentee, "program-join");
    await mentee.getByRole("button", { name: "Join the cohort" }).click();
    await mentee.getByText("You joined.").waitFor();
    for (const page of mentors) {
      const places = await page.evaluate(
        async () => (await (await fetch("/api/my-programs")).json()).participations,
      );
      await send(page, "POST", `/api/my-programs/${places[0].id}/join`, {
        questionnaire: {
          goals: ["Lead a team"],
          stages: [],
          markets: [],
          level: null,
          timeZone: "UTC",
          availability: slots,
          lanes: [],
        },
      });
    }
  });

  it("sets weights and rules, runs matching, and reads why a pair was made", async () => {
    await admin.reload();
    await admin.getByLabel("Lanes").fill("5");
    await admin.getByRole("button", { name: "Save criteria and rules" }).click();
    await admin.getByText(/With the saved rules: 2 of 2 pairs allowed/).waitFor();
    await admin.getByRole("button", { name: "Run matching" }).click();
    await admin.getByText("Proved optimal").waitFor({ timeout: 60_000 });
    await admin.getByText("Greedy: total score").waitFor();
    const pair = admin.locator("details.program-pair").first();
    await pair.locator("summary").click();
    await pair.getByText(/Time zone/).waitFor();
    await expectAccessibleAtBothWidths(admin, "cohort-matched");
  });

  it("forbids the pair with a reason and re-solves around it", async () => {
    const summary = await admin.locator("details.program-pair summary").first().innerText();
    const firstMentor = summary.includes("Nora") ? "Nora" : "Omar";
    const pair = admin.locator("details.program-pair").first();
    await pair.getByRole("button", { name: "Forbid" }).click();
    await pair.getByLabel("Forbid this pair: why?").fill("They already work together");
    await pair.getByRole("button", { name: "Forbid this pair" }).click();
    await admin.getByText(/They already work together/).waitFor();
    await admin.getByRole("button", { name: "Run matching again" }).click();
    const other = firstMentor === "Nora" ? "Omar" : "Nora";
    await admin
      .locator("details.program-pair summary", { hasText: `Ben Mentee with ${other}` })
      .waitFor({ timeout: 60_000 });
  });

  it("changes a mentor's seats with a reason, and explains a change made meanwhile elsewhere", async () => {
    const pair = admin.locator("details.program-pair").first();
    await pair.locator("summary").click();
    await pair.getByRole("button", { name: "Change seats (2)" }).click();
    const form = pair.getByRole("form", { name: /^Seats of / });
    const mentorName = ((await form.getAttribute("aria-label")) ?? "").replace("Seats of ", "");
    await form.getByLabel(`Seats of ${mentorName}`).fill("1");
    await form.getByLabel("Why change the seats?").fill("Half time this quarter");
    // Another admin's tab changes the same mentor's seats first.
    const cohortPath = new URL(admin.url()).pathname.replace("/programs/cohorts/", "/api/cohorts/");
    const cohort = await admin.evaluate(async (path) => (await fetch(path)).json(), cohortPath);
    const run = await admin.evaluate(
      async (id) => (await fetch(`/api/runs/${id}`)).json(),
      cohort.currentRun.id as string,
    );
    const seats = run.pairs[0];
    await send(admin, "POST", `${cohortPath}/overrides`, {
      kind: "capacity",
      mentorId: seats.mentor.id,
      capacity: 3,
      reason: "Asked for more",
      version: seats.mentorSeats.version,
    });
    await form.getByRole("button", { name: "Change the seats" }).click();
    await form.getByText("Changed in another tab or on another device").waitFor();
    await expectAccessibleAtBothWidths(admin, "cohort-seats-conflict");
    await form.getByRole("button", { name: "Load the latest version" }).click();
    await form.getByText("You now have the latest version").waitFor();
    await form.getByRole("button", { name: "Change the seats" }).click();
    await admin.getByText(`Seats set to 1 for ${mentorName}: “Half time this quarter”`).waitFor();
    await admin.getByText(`Seats set to 3 for ${mentorName}: “Asked for more”`).waitFor();
    await admin.getByRole("button", { name: "Run matching again" }).click();
    // The button stays on the page while the run goes on: wait for the new run to finish, then open
    // its first pair, so the click does not land on the previous run's results as they are replaced.
    await expect
      .poll(
        async () => {
          const now = await admin.evaluate(async (path) => (await fetch(path)).json(), cohortPath);
          return now.currentRun?.id !== cohort.currentRun.id && now.currentRun?.state === "done";
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    await admin.reload();
    await admin
      .locator("details.program-pair summary", { hasText: `Ben Mentee with ${mentorName}` })
      .waitFor();
    await admin.locator("details.program-pair").first().locator("summary").click();
    await admin.getByRole("button", { name: "Change seats (1)" }).waitFor();
    await expectAccessibleAtBothWidths(admin, "cohort-seats-changed");
  });

  it("publishes", async () => {
    await admin.getByRole("button", { name: "Publish the pairs" }).click();
    await admin.getByText(/Published on/).waitFor();
    // The chart's key names the same series once it loads: wait for the figure itself.
    await admin.getByRole("term").filter({ hasText: "Matches made" }).waitFor();
    await admin.getByRole("figure", { name: /per week/ }).waitFor();
    // The weekly chart reads out week by week from the keyboard.
    const weeks = admin.getByRole("group", { name: /arrow keys go from week to week/ });
    await weeks.focus();
    await weeks.press("Home");
    await admin
      .locator(".chart-tooltip")
      .getByText(/^Week of \d{4}-\d{2}-\d{2}$/)
      .waitFor();
    await expectAccessibleAtBothWidths(admin, "cohort-published");
  });

  it("shows the participant their match and why", async () => {
    await mentee.reload();
    await mentee.getByRole("heading", { name: /Your mentor: (Nora|Omar) Mentor/ }).waitFor();
    await mentee.getByText("Why you were matched:").waitFor();
    await mentee.getByRole("button", { name: "Confirm this match" }).click();
    await mentee.getByText("You confirmed this match").waitFor();
    await expectAccessibleAtBothWidths(mentee, "program-match");
  });
});

/** A cohort too big to solve in a blink, written straight to the tables (the import has its own test). */
async function bigCohort(cohortId: string, mentees: number, mentors: number) {
  const db = sidecar.database.db;
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const lanes = ["crafting", "market", "organizational", "domain", "team", "growth"] as const;
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "America/Los_Angeles"];
  const rows: (typeof programParticipants.$inferInsert)[] = [];
  const people: (typeof users.$inferInsert)[] = [];
  for (let k = 0; k < mentees + mentors; k++) {
    const role = k < mentees ? "mentee" : "mentor";
    const id = `big-${cohortId.slice(0, 6)}-${k}`;
    const email = `${id}@example.test`.toLowerCase();
    people.push({ id, name: `Person ${k}`, email, emailVerified: true });
    const start = 8 + Math.floor(random() * 8);
    rows.push({
      id: `p-${id}`,
      cohortId,
      email,
      name: `Person ${k}`,
      role,
      capacity: role === "mentor" ? 1 + Math.floor(random() * 3) : 0,
      userId: id,
      joinedAt: new Date(),
      questionnaire: {
        goals: [pick(["Lead a team", "Grow a product", "Find a new role", "Learn pricing"])],
        stages: [pick(["pre_pmf", "smoke_to_fire", "fire_to_great"] as const)],
        markets: [pick(["consumer", "b2b"] as const)],
        level:
          role === "mentee"
            ? pick(["apm", "pm", "senior_pm"] as const)
            : pick(["group_pm", "director", "vp"] as const),
        timeZone: pick(zones),
        availability: [
          {
            weekday: 1 + Math.floor(random() * 5),
            start: `${start}:00`.padStart(5, "0"),
            end: `${start + 2}:00`.padStart(5, "0"),
          },
        ],
        lanes: [pick(lanes), pick(lanes)].filter((l, i, all) => all.indexOf(l) === i),
      },
    });
  }
  for (let k = 0; k < people.length; k += 500) {
    await db.insert(users).values(people.slice(k, k + 500));
    await db.insert(programParticipants).values(rows.slice(k, k + 500));
  }
}

describe("a program admin watches a large cohort's run live, and cancels one", () => {
  it("shows the run's phases live on a cohort of thousands; a cancelled run leaves the result as it was", async () => {
    const program = await send(admin, "POST", "/api/programs", {
      name: "Large program",
      description: "",
      publishMode: "introduction",
    });
    const cohort = await send(admin, "POST", `/api/programs/${program.id}/cohorts`, {
      name: "Large cohort",
      startsOn: "2026-03-02",
      endsOn: "2026-06-30",
    });
    await bigCohort(cohort.id, bigMentees, bigMentors);
    // Every pair allowed but the seats: millions of pairs, fewer seats than mentees.
    const settings = {
      ...cohort.settings,
      rules: {
        reportingLine: false,
        mentorCapacity: true,
        noAvailabilityOverlap: false,
        notSeniorEnough: false,
        neverPair: false,
      },
    };
    const saved = await admin.evaluate(
      async ({ id, settings, version }) =>
        (
          await fetch(`/api/cohorts/${id}/settings`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ settings, version }),
          })
        ).status,
      { id: cohort.id as string, settings, version: cohort.version as number },
    );
    expect(saved).toBe(200);
    await admin.goto(`${baseUrl}/programs/cohorts/${cohort.id}`);
    await admin.getByRole("heading", { name: "Large cohort" }).waitFor();
    // What the API answered about the run and the cohort, and what the page showed, in one order: the
    // page can only show an answer after it arrived.
    type Run = { state: string; cancelRequested: boolean };
    const timeline: (
      | { what: "run"; body?: Run }
      | { what: "cohort"; body?: { liveRun: Run | null } }
      | { what: "shown"; text: string; cancelDisabled: boolean | null }
    )[] = [];
    const reading: Promise<unknown>[] = [];
    const onResponse = (response: Response) => {
      const path = new URL(response.url()).pathname;
      const what =
        path === `/api/cohorts/${cohort.id}`
          ? "cohort"
          : /^\/api\/runs\/[^/]+\/(progress|cancel)$/.test(path)
            ? "run"
            : null;
      if (!what || !response.ok()) return;
      const entry: { what: "run" | "cohort"; body?: never } = { what };
      timeline.push(entry);
      reading.push(response.json().then((body) => Object.assign(entry, { body })));
    };
    admin.on("response", onResponse);
    await admin.exposeFunction("noteShown", (text: string, cancelDisabled: boolean | null) =>
      timeline.push({ what: "shown", text, cancelDisabled }),
    );
    // Every text the progress line and the list of phases show, as the page reads them.
    await admin.evaluate(() => {
      const seen: string[] = [];
      const phases: string[] = [];
      let toasts = "";
      Object.assign(window, { progressSeen: seen, phasesSeen: phases });
      const note = (window as unknown as { noteShown: (text: string, disabled: boolean | null) => void })
        .noteShown;
      new MutationObserver(() => {
        const text = document.querySelector("[data-run-progress]")?.textContent;
        const cancel = [...document.querySelectorAll("button")].find(
          (b) => b.textContent === "Cancel the run",
        );
        if (text && seen.at(-1) !== text) {
          seen.push(text);
          note(text, cancel ? cancel.disabled : null);
        }
        const told = [...document.querySelectorAll(".toast-title")].map((t) => t.textContent).join(" | ");
        if (told !== toasts) {
          toasts = told;
          if (told) note(told, null);
        }
        const list = [...document.querySelectorAll("[data-step]")]
          .map((li) => `${li.getAttribute("data-step")}:${li.getAttribute("data-state")}:${li.textContent}`)
          .join(" | ");
        if (list && phases.at(-1) !== list) phases.push(list);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    // A cancelled run: the page says it is cancelling while the worker goes on, says it was cancelled
    // once the worker has stopped, and the cohort keeps no result.
    await admin.getByRole("button", { name: "Run matching" }).click();
    // The machine is busy scoring millions of pairs: give the page time to settle. The worker has
    // picked the run up, so the cancel is a request the worker sees at its next check.
    await admin
      .locator("[data-run-progress]")
      .getByText(/^(Reading the cohort|Scoring every pair)/)
      .waitFor({ timeout: 60_000 });
    await admin.getByRole("button", { name: "Cancel the run" }).click({ timeout: 60_000 });
    await admin.getByText("Run cancelled").first().waitFor({ timeout: 60_000 });
    await admin.getByRole("heading", { name: "No result yet" }).waitFor({ timeout: 30_000 });
    const cohortRuns = () =>
      admin.evaluate(
        async (path) => (await (await fetch(path)).json()) as { currentRun: unknown; liveRun: unknown },
        `/api/cohorts/${cohort.id}`,
      );
    await expect.poll(cohortRuns, { timeout: 30_000 }).toMatchObject({ currentRun: null, liveRun: null });
    admin.off("response", onResponse);
    await Promise.all(reading);
    const story = timeline
      .map((e) => {
        if (e.what === "shown") return `shown ${e.text}`;
        const run = e.what === "run" ? e.body : e.body?.liveRun;
        return `${e.what} ${run ? `${run.state}${run.cancelRequested ? ", cancel asked" : ""}` : "no live run"}`;
      })
      .join("\n");
    const isShown = (text: RegExp) => (e: (typeof timeline)[number]) =>
      e.what === "shown" && text.test(e.text);
    const ended = (e: (typeof timeline)[number]) =>
      (e.what === "run" && e.body?.state === "cancelled") ||
      (e.what === "cohort" && e.body?.liveRun === null);
    // "Cancelling" first shows on the API's word that the run is still live with a cancel asked for,
    // with the cancel button no longer pressable.
    const cancelling = timeline.findIndex(isShown(/^Cancelling…/));
    expect(cancelling, story).toBeGreaterThan(-1);
    const asked = timeline.findIndex((e) => e.what === "run" && e.body?.cancelRequested);
    expect(asked, story).toBeGreaterThan(-1);
    expect(asked, story).toBeLessThan(cancelling);
    expect(timeline[asked], story).toMatchObject({ body: { state: "running" } });
    expect(
      timeline.filter(isShown(/^Cancelling…/)).every((e) => e.what === "shown" && e.cancelDisabled),
      story,
    ).toBe(true);
    // It stays until the API says the run stopped: no other progress text in between.
    const stopped = timeline.findIndex((e, i) => i > asked && ended(e));
    expect(stopped, story).toBeGreaterThan(cancelling);
    expect(
      timeline.slice(cancelling, stopped).filter((e) => e.what === "shown" && !/^Cancelling…/.test(e.text)),
      story,
    ).toEqual([]);
    // "Run cancelled" is said only after the cohort's own reading no longer shows the run live.
    const gone = timeline.findIndex((e, i) => i > asked && e.what === "cohort" && e.body?.liveRun === null);
    const told = timeline.findIndex(isShown(/Run cancelled/));
    expect(gone, story).toBeGreaterThan(-1);
    expect(told, story).toBeGreaterThan(gone);

    // The next run, watched to its end.
    await admin.getByRole("button", { name: "Run matching" }).click();
    await admin.getByRole("progressbar", { name: "Matching progress" }).waitFor();
    await admin.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? "/tmp"}/cohort-run-live-1280.png` });
    await admin.getByText("Proved optimal").waitFor({ timeout: 120_000 });
    const { progressSeen: seen, phasesSeen } = await admin.evaluate(() => {
      const w = window as unknown as { progressSeen: string[]; phasesSeen: string[] };
      return { progressSeen: w.progressSeen, phasesSeen: w.phasesSeen };
    });
    console.log(`progress seen: ${JSON.stringify(seen)}`);
    console.log(`phases seen: ${phasesSeen.length}, last: ${phasesSeen.at(-1)}`);
    const phase = new RegExp(
      `^(Waiting for the worker|Reading the cohort|Cancelling…|Cancelled|Finished|Scoring every pair: \\d+ of ${bigMentees} mentees|Placing mentees: \\d+ of \\d+ placed|Pricing|Saving)`,
    );
    expect(seen.every((t) => phase.test(t))).toBe(true);
    // Scoring is watched as it moves: some reading shows it under way, part done.
    const scoringLive = phasesSeen.find((p) =>
      new RegExp(`scoring:current:.*?(\\d+) of ${bigMentees} mentees scored`).test(p),
    );
    expect(scoringLive, phasesSeen.join("\n")).toBeDefined();
    // Each later phase appears in its turn with its figures, before the result replaces the list:
    // placing with mentees placed of the total, then pricing, then saving.
    const firstWith = (pattern: RegExp) => phasesSeen.findIndex((p) => pattern.test(p));
    const placing = firstWith(/matching:(current|finished):\W*Placing mentees \d+ of \d+ placed/);
    const placed = firstWith(/matching:finished:\W*Placing mentees (\d+) of \1 placed/);
    const pricing = firstWith(/pricing:(current|finished):\W*Pricing every other pair/);
    const saving = firstWith(/saving:(current|finished):/);
    expect(placing, phasesSeen.join("\n")).toBeGreaterThan(0);
    expect(placed).toBeGreaterThanOrEqual(placing);
    expect(pricing).toBeGreaterThanOrEqual(placing);
    expect(saving).toBeGreaterThanOrEqual(pricing);
    expect(phasesSeen.findIndex((p) => p.startsWith("scoring:current"))).toBeLessThan(placing);
    await expectAccessibleAtBothWidths(admin, "cohort-large-matched");
  }, 240_000);
});
