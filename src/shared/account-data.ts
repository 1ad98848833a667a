import { z } from "zod";
import { accountExportStates } from "./account-data-words.ts";
import { instantOutput } from "./calendar-date-schema.ts";
import { careerPlanOutput } from "./career-plan.ts";
import { memberRoles, memberStates } from "./communities.ts";
import { decisionListOutput } from "./decisions.ts";
import { engagementOutput, urgentCallListOutput } from "./engagements.ts";
import { feedbackRequestOutput, feedbackResultsOutput, superpowersOutput } from "./feedback.ts";
import { healthCheckListOutput } from "./health-check.ts";
import { laneAssessmentListOutput } from "./lanes.ts";
import { checkInAreaOutput, checkInOutput, managerLinkOutput, managersOverviewOutput } from "./managers.ts";
import { mentoringLogOutput, mentorRequestListOutput, myMentorProfileOutput } from "./mentors.ts";
import { preferencesOutput } from "./notifications.ts";
import { portfolioRoleListOutput } from "./portfolio.ts";
import { profileOutput } from "./profile.ts";
import { myProgramsOutput } from "./programs.ts";
import { diagnosisListOutput } from "./promotion-diagnosis.ts";
import { shareGrantListSchema } from "./sharing.ts";
import { pressReleaseOutput, storyEntryListOutput, thoughtLogOutput } from "./story.ts";
import { targetRoleOutput } from "./target-roles.ts";
import { tourListOutput } from "./tours.ts";

export const accountDataFormat = "sidecar-account-data/1";

// The sections of an export. Each is the same explicit field list the member's own pages answer with
// (a new column in a table never reaches an export by default), described in docs/account-data.md.

export const accountSection = z
  .object({
    name: z.string(),
    email: z.string(),
    createdAt: instantOutput,
    twoFactorEnabled: z.boolean(),
  })
  .meta({ id: "AccountDataAccount" });

export const communityPostExport = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  /** Null for a thread I started; the thread's id for a reply. */
  threadId: z.string().nullable(),
  title: z.string().nullable(),
  body: z.string(),
  hidden: z.boolean(),
  edited: z.boolean(),
  createdAt: instantOutput,
  updatedAt: instantOutput,
});

export const communitiesSection = z
  .object({
    memberships: z.array(
      z.object({
        communityId: z.string(),
        communityName: z.string(),
        kind: z.enum(["circle", "open"]),
        role: z.enum(memberRoles),
        state: z.enum(memberStates),
        joinedAt: instantOutput,
        leftAt: instantOutput.nullable(),
      }),
    ),
    applications: z.array(
      z.object({
        communityId: z.string(),
        communityName: z.string(),
        state: z.string(),
        createdAt: instantOutput,
        /** Only what I wrote: my answers and my replies to the organizers' questions. */
        myMessages: z.array(z.object({ kind: z.string(), text: z.string(), createdAt: instantOutput })),
      }),
    ),
    posts: z.array(communityPostExport),
    rsvps: z.array(
      z.object({
        eventId: z.string(),
        eventTitle: z.string(),
        startsAt: instantOutput,
        status: z.enum(["going", "waitlisted"]),
      }),
    ),
  })
  .meta({ id: "AccountDataCommunities" });

export const accountDataSections = z
  .object({
    account: accountSection,
    profile: profileOutput,
    plan: careerPlanOutput,
    // An export holds the whole list, so no page follows.
    tours: tourListOutput.omit({ nextCursor: true }),
    decisions: decisionListOutput.omit({ nextCursor: true }),
    lanes: laneAssessmentListOutput,
    portfolio: portfolioRoleListOutput,
    targetRole: targetRoleOutput,
    story: z.object({ entries: storyEntryListOutput.shape.entries, pressRelease: pressReleaseOutput }),
    thoughtLeadership: thoughtLogOutput,
    promotionDiagnosis: diagnosisListOutput,
    healthChecks: healthCheckListOutput,
    feedback: z.object({
      requests: z.array(
        z.object({
          request: feedbackRequestOutput,
          /** The results exactly as the results page shows them: hidden until k people answered. */
          results: feedbackResultsOutput,
        }),
      ),
      superpowers: superpowersOutput,
    }),
    mentoring: z.object({
      profile: myMentorProfileOutput,
      requests: mentorRequestListOutput,
      log: mentoringLogOutput,
    }),
    engagements: z.object({
      engagements: z.array(engagementOutput),
      urgentCalls: urgentCallListOutput,
    }),
    communities: communitiesSection,
    programs: myProgramsOutput,
    managers: z.object({
      overview: managersOverviewOutput,
      /** Each active link with what the report shares in it and its check-ins, whole. */
      links: z.array(
        z.object({
          link: managerLinkOutput,
          areas: z.array(checkInAreaOutput),
          checkIns: z.array(checkInOutput),
        }),
      ),
    }),
    sharing: shareGrantListSchema,
    notificationSettings: preferencesOutput,
  })
  .meta({ id: "AccountDataSections" });

export type AccountDataSections = z.infer<typeof accountDataSections>;
export type AccountDataSectionKey = keyof AccountDataSections;

export const accountDataExport = z
  .object({
    format: z.literal(accountDataFormat),
    exportedAt: instantOutput,
    sections: accountDataSections,
  })
  .meta({ id: "AccountDataExport" });
export type AccountDataExport = z.infer<typeof accountDataExport>;

export const accountExportStatusOutput = z
  .object({
    export: z
      .object({
        id: z.string(),
        state: z.enum(accountExportStates),
        sectionsDone: z.number().int(),
        sectionsTotal: z.number().int(),
        requestedAt: instantOutput,
        readyAt: instantOutput.nullable(),
        expiresAt: instantOutput.nullable(),
      })
      .nullable(),
  })
  .meta({ id: "AccountExportStatus" });
export type AccountExportStatus = z.infer<typeof accountExportStatusOutput>;

export const storyMarkdownOutput = z
  .object({ filename: z.string(), markdown: z.string() })
  .meta({ id: "AccountDataStoryMarkdown" });

export const deleteAccountInput = z
  .object({
    password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256),
    /** The six-digit code from the authenticator app; asked for only under two-factor sign-in. */
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "Enter the six-digit code from your authenticator app")
      .optional(),
    confirm: z.literal(true, { error: "Confirm that you want your account and data deleted" }),
  })
  .strict()
  .meta({ id: "DeleteAccountInput" });
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;

export const accountDeletedOutput = z.object({ deleted: z.literal(true) }).meta({ id: "AccountDeleted" });
