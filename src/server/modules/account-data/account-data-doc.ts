import type { AccountDataSectionKey } from "../../../shared/account-data.ts";
import { accountExportKeepDays } from "../../../shared/account-data-words.ts";
import { fieldTable } from "./field-list.ts";

// What each section is, in words; the field tables below each come from the section's zod schema, so
// docs/account-data.md cannot drift from what an export holds (a test compares them).
const sectionProse: Record<AccountDataSectionKey, string> = {
  account:
    "Your account: the name and email you sign in with, when you joined, and whether two-factor sign-in is on. Never your password or your authenticator secret.",
  profile: "Your profile as on the Profile page.",
  plan: "Your career plan: North Star, skip job, next job and Act Three, as on the Career plan page.",
  tours: "Every tour of duty with its milestones, in your order, as on the Tours page.",
  decisions: "Every decision in your journal with its options and revisits.",
  lanes: "Every self-assessment of the six lanes, newest first.",
  portfolio: "Every role in your experience portfolio.",
  targetRole: "Your next level: its hurdles and the checklist you ticked.",
  story:
    "Your career story entries (with the writing check's advice) and your press release. The same story also comes as a Markdown file.",
  thoughtLeadership: "Your thought-leadership log and cadence.",
  promotionDiagnosis: "Every run of the promotion-blocker diagnosis, with the evidence it read.",
  healthChecks: "Every company health check.",
  feedback:
    "Your feedback requests and their results **exactly as the results page shows them**: nothing until the request's minimum number of people answered, answers split into paragraphs, shuffled and grouped by question, ratings as distributions. Never one person's answers, never who answered. Feedback you gave others is not yours to export: it belongs, anonymously, to its receiver.",
  mentoring:
    "Your mentor profile (if you are a mentor), the mentoring requests you sent and received with their messages, and your log of people you mentor.",
  engagements:
    "Each engagement as its page shows it to you: agreement, intake, plan and its revisions, sessions, action items, **your own notes (private and shared) and the notes the other person shared with you** (never their private notes), and the reviews (theirs only once revealed). Also your 911 calls.",
  communities:
    "Your memberships, your applications with only what you wrote in them, every post and reply you wrote (with the community's name; never other people's posts), and your RSVPs.",
  programs: "Your places in mentoring programs and your matches, as on My programs.",
  managers:
    "Your manager and your reports, and for each active link the areas the report invites the manager into (names only: the areas themselves are in their own sections of the report's export) and every check-in whole: what the report wants help with, the agenda, both people's comments and what the manager will do. An ended link's check-ins close for both people and are not exported.",
  sharing: "What you share with whom. (What others share with you is theirs.)",
  notificationSettings: "How each kind of notification reaches you by email.",
};

export function accountDataDoc(): string {
  const parts = [
    "# Your data: export and account deletion",
    "",
    "<!-- The field tables are generated from src/shared/account-data.ts: run `npx tsx scripts/account-data-doc.ts`. -->",
    "",
    "Everything a member writes in Sidecar is theirs. On **Your data** (`/settings/data`, in the Account",
    "menu) a member downloads all of it, or deletes their account.",
    "",
    "## Export",
    "",
    "**Prepare my export** (`POST /api/account/export`) starts a background job that reads each section",
    "below as the member themselves, through the same services and field lists as their own pages; the page",
    "shows its progress part by part (`GET /api/account/export`). When it is ready an email says so, with a",
    "link to the page, never the data. The file is downloaded while signed in",
    "(`GET /api/account/export/download`, and the story as Markdown at `GET /api/account/export/story`)",
    `and kept ${accountExportKeepDays} days, then deleted (an hourly job empties expired files). A new export replaces the`,
    "previous one; asking again while one is being built answers with that one.",
    "",
    'The file is JSON: `format` (`"sidecar-account-data/1"`), `exportedAt` (when it was built, UTC) and',
    "`sections`, one per product module, each listed field by field below. Each section is the explicit",
    "field list of `src/shared/account-data.ts`: a column added to a table later never reaches an export",
    "unless someone adds it there. Times are UTC instants (`2026-01-15T09:30:00.000Z`), days are calendar",
    "days (`2026-01-15`).",
    "",
    "A module adds its section in one place: a key in `accountDataSections` (src/shared/account-data.ts)",
    "and one entry in `exportSections` (src/server/modules/account-data/sections.ts).",
    "",
  ];
  for (const [key, prose] of Object.entries(sectionProse) as [AccountDataSectionKey, string][]) {
    parts.push(`### \`${key}\``, "", prose, "", fieldTable(key), "");
  }
  parts.push(
    "## Account deletion",
    "",
    "**Delete my account** (`POST /api/account/delete`) asks for the password, and under two-factor sign-in",
    "the authenticator's code (checked by the account library's own password and code checks; a wrong",
    "password counts against the sign-in limits). Then, in **one database transaction** (it commits whole or",
    "not at all):",
    "",
    "1. The account row is locked, so a write racing the deletion waits and then finds the account gone (it",
    "   is refused with 409, nothing half-written stays).",
    '2. A stand-in account is made: named "A former member", an address at `deleted.invalid`, no password,',
    "   disabled. What other people own and keep is moved onto it (below).",
    "3. Each module's deletion step runs (`deletionSteps` in src/server/modules/account-data/deletion-steps.ts).",
    "4. The account row is deleted; everything else of the member's goes with it (every table's foreign key",
    "   to the account cascades): profile, plan, tours, decisions, lanes, portfolio, story, diagnostics,",
    "   feedback requests with their invitations and answers, superpowers, mentor profile, requests,",
    "   notes and reviews they wrote, memberships, applications, flags, RSVPs, notifications and settings,",
    "   shares they made, exports, sessions (they are signed out everywhere at once), password and",
    "   two-factor secrets.",
    "",
    "What stays, for the people who own it:",
    "",
    "| what | how it stays |",
    "|---|---|",
    '| Engagements | They end for the other side with a clear state: closed, upcoming sessions cancelled with the reason, the mentor\'s seat freed, a notification "Your mentoring has ended". The other side keeps the engagement, the plan, past sessions, the action items, their own notes (private ones too) and the review they wrote; the member shows as "A former member". The member\'s own notes, reviews, intake answers and request messages are deleted. |',
    '| Circles and communities | Threads keep the member\'s posts, shown as by "a former member" (with their edit history). Memberships end as leaving does: the place is freed, RSVPs go and the waitlist moves up. A circle whose last organizer leaves this way gets its longest-standing member as organizer. Communities and events they created stay. |',
    "| Feedback they gave | Unchanged: answers were never stored with a giver, so a receiver's results read the same before and after. |",
    "| Feedback requests they received | Deleted, with every answer to them. |",
    "| Sharing | Shares they made are deleted, and so are shares made to their email, so a new account with the address starts with nothing. |",
    "| Programs | The program admin's participant row stays (it is the admin's import) without the link to the account. |",
    "| Other people's notifications | Kept, with the member's name replaced by \"A former member\". |",
    "| Mail | Mail to the member's address still in the outbox, and the outbox record of mail sent to it, is deleted. |",
    "",
    "The email address is free at once: signing up with it makes a new person with nothing of the old one.",
    "",
    "A module adds its step in one place: an entry in `deletionSteps`, needed only when something of the",
    "member's must stay for others or end for them with a clear state. Tests",
    "(src/server/modules/account-data/account-data.test.ts, on PGlite and PostgreSQL) check that the export",
    "holds the member's canary from every module and nothing private of anyone else, that after deletion",
    "no GET route answers anything of the member to the others, that a feedback receiver's results are the",
    "same, that sign-up with the same address works, and that writes racing a deletion leave no half member.",
    "",
  );
  return parts.join("\n");
}
