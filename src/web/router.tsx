import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { isUnauthenticated } from "./api.ts";
import { careerPlanQuery } from "./features/career-plan/career-plan-api.ts";
import { ErrorPage } from "./features/errors/error-page.tsx";
import { NotFoundPage } from "./features/errors/not-found-page.tsx";
import { feedbackRequestQuery, feedbackRequestsQuery } from "./features/feedback/feedback-api.ts";
import { homeDashboardQuery } from "./features/home/home-api.ts";
import { laneAssessmentsQuery } from "./features/lanes/lanes-api.ts";
import { portfolioCoverageQuery, portfolioRolesQuery } from "./features/portfolio/portfolio-api.ts";
import { tourQuery, toursQuery } from "./features/tours/tours-api.ts";
import { hasSession, type Me, meQuery, safeNext } from "./session.ts";
import { AuthLayout } from "./ui/auth-layout.tsx";
import { LoadingState } from "./ui/spinner.tsx";

export type RouterContext = { queryClient: QueryClient };

const optionalString = (value: unknown) =>
  typeof value === "string" && value.length > 0 ? value : undefined;
const positiveInt = (value: unknown) => {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) && n > 1 ? n : undefined;
};

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

// ------------------------------------------------------------------ signed-out pages

const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: "public", component: AuthLayout });

/** Someone already signed in has nothing to do on the sign-in or sign-up page. */
async function skipIfSignedIn({ context, search }: { context: RouterContext; search: { next?: string } }) {
  let signedIn = Boolean(context.queryClient.getQueryData<Me>(meQuery.queryKey));
  if (!signedIn) {
    signedIn = (await hasSession()) === true;
  }
  if (signedIn) throw redirect({ href: safeNext(search.next) });
}

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: optionalString(search.next),
  }),
  beforeLoad: skipIfSignedIn,
  component: lazyRouteComponent(() => import("./features/auth/sign-in-page.tsx"), "SignInPage"),
});

const signUpRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/sign-up",
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: optionalString(search.next),
  }),
  beforeLoad: skipIfSignedIn,
  component: lazyRouteComponent(() => import("./features/auth/sign-up-page.tsx"), "SignUpPage"),
});

const checkEmailRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/check-email",
  validateSearch: (search: Record<string, unknown>): { email?: string } => ({
    email: optionalString(search.email),
  }),
  component: lazyRouteComponent(() => import("./features/auth/check-email-page.tsx"), "CheckEmailPage"),
});

const setupRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/setup",
  component: lazyRouteComponent(() => import("./features/auth/setup-page.tsx"), "SetupPage"),
});

const verifiedRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/verified",
  validateSearch: (search: Record<string, unknown>): { error?: string } => ({
    error: optionalString(search.error),
  }),
  component: lazyRouteComponent(() => import("./features/auth/verified-page.tsx"), "VerifiedPage"),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/forgot-password",
  validateSearch: (search: Record<string, unknown>): { email?: string } => ({
    email: optionalString(search.email),
  }),
  component: lazyRouteComponent(
    () => import("./features/auth/forgot-password-page.tsx"),
    "ForgotPasswordPage",
  ),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => ({
    token: optionalString(search.token),
    error: optionalString(search.error),
  }),
  component: lazyRouteComponent(() => import("./features/auth/reset-password-page.tsx"), "ResetPasswordPage"),
});

const twoFactorRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/two-factor",
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: optionalString(search.next),
  }),
  component: lazyRouteComponent(() => import("./features/auth/two-factor-page.tsx"), "TwoFactorPage"),
});

// Unsubscribing needs no account: the link in the email is the credential.
const unsubscribeRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/unsubscribe/$token",
  component: lazyRouteComponent(
    () => import("./features/notifications/unsubscribe-page.tsx"),
    "UnsubscribePage",
  ),
});

// ------------------------------------------------------------------ feedback givers (no account)

const giverLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "giver",
  component: lazyRouteComponent(() => import("./features/feedback/give-page.tsx"), "GiveLayout"),
});
const giveRoute = createRoute({
  getParentRoute: () => giverLayout,
  path: "/give/$token",
  component: lazyRouteComponent(() => import("./features/feedback/give-page.tsx"), "GivePage"),
});

// ------------------------------------------------------------------ signed-in pages

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const next = location.href === "/" ? undefined : location.href;
    const client = context.queryClient;
    // Only a page loaded without a session cookie asks first whether there is a session, so a
    // signed-out visit logs no failed request; one loaded with it is already asking who it is.
    if (!client.getQueryData(meQuery.queryKey) && client.isFetching({ queryKey: meQuery.queryKey }) === 0) {
      if ((await hasSession()) === false) throw redirect({ to: "/sign-in", search: { next } });
    }
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isUnauthenticated(error)) {
        throw redirect({ to: "/sign-in", search: { next } });
      }
      throw error;
    }
  },
  component: lazyRouteComponent(() => import("./ui/app-layout.tsx"), "AppLayout"),
  pendingComponent: () => (
    <main id="main">
      <LoadingState label="Loading Sidecar…" />
    </main>
  ),
});

// The printable press release stands alone, without the app's header and navigation, so it prints on one page.
const printLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "print",
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isUnauthenticated(error)) throw redirect({ to: "/sign-in", search: { next: location.href } });
      throw error;
    }
  },
  component: Outlet,
});
const printPressReleaseRoute = createRoute({
  getParentRoute: () => printLayout,
  path: "/story/press-release/print",
  component: lazyRouteComponent(
    () => import("./features/story/press-release-page.tsx"),
    "PrintPressReleasePage",
  ),
});

/**
 * A page of the first-run guide asks for its own data while its code is still on the way, without
 * waiting for it (the page shows its own loading state), and waits for the guide, so the banner is
 * there from the first picture instead of pushing the page down when it arrives.
 */
function loadGuidePage({ queryClient }: RouterContext, startPageQueries?: (client: QueryClient) => unknown) {
  startPageQueries?.(queryClient);
  // Without the guide the page still works: a failure here only leaves the banner out.
  return queryClient.ensureQueryData(homeDashboardQuery).catch(() => undefined);
}

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/",
  // The dashboard arrives with the page, so its cards never push the rest down as they load.
  loader: ({ context }) => context.queryClient.ensureQueryData(homeDashboardQuery),
  component: lazyRouteComponent(() => import("./features/home/home-page.tsx"), "HomePage"),
});
const glossaryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/glossary",
  component: lazyRouteComponent(() => import("./features/glossary/glossary-page.tsx"), "GlossaryPage"),
});
const profileRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/profile",
  component: lazyRouteComponent(() => import("./features/profile/profile-page.tsx"), "ProfilePage"),
});
const lanesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/lanes",
  loader: ({ context }) =>
    loadGuidePage(context, (client) => [
      client.prefetchQuery(laneAssessmentsQuery),
      client.prefetchQuery(feedbackRequestsQuery),
    ]),
  component: lazyRouteComponent(() => import("./features/lanes/lanes-page.tsx"), "LanesPage"),
});
const portfolioRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/portfolio",
  loader: ({ context }) =>
    loadGuidePage(context, (client) => [
      client.prefetchQuery(portfolioRolesQuery),
      client.prefetchQuery(portfolioCoverageQuery),
    ]),
  component: lazyRouteComponent(() => import("./features/portfolio/portfolio-page.tsx"), "PortfolioPage"),
});
const nextLevelRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/next-level",
  component: lazyRouteComponent(
    () => import("./features/target-role/target-role-page.tsx"),
    "TargetRolePage",
  ),
});
const planRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/plan",
  loader: ({ context }) => loadGuidePage(context, (client) => client.prefetchQuery(careerPlanQuery)),
  component: lazyRouteComponent(
    () => import("./features/career-plan/career-plan-page.tsx"),
    "CareerPlanPage",
  ),
});
const decisionsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/decisions",
  component: lazyRouteComponent(() => import("./features/decisions/decisions-page.tsx"), "DecisionsPage"),
});
const newDecisionRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/decisions/new",
  component: lazyRouteComponent(() => import("./features/decisions/decision-pages.tsx"), "NewDecisionPage"),
});
const decisionRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/decisions/$id",
  component: lazyRouteComponent(() => import("./features/decisions/decision-pages.tsx"), "DecisionPage"),
});
const editDecisionRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/decisions/$id/edit",
  component: lazyRouteComponent(() => import("./features/decisions/decision-pages.tsx"), "EditDecisionPage"),
});
const storyRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/story",
  component: lazyRouteComponent(() => import("./features/story/story-page.tsx"), "StoryPage"),
});
const newStoryEntryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/story/new",
  component: lazyRouteComponent(() => import("./features/story/story-page.tsx"), "NewStoryEntryPage"),
});
const editStoryEntryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/story/$id/edit",
  component: lazyRouteComponent(() => import("./features/story/story-page.tsx"), "EditStoryEntryPage"),
});
const pressReleaseRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/story/press-release",
  component: lazyRouteComponent(() => import("./features/story/press-release-page.tsx"), "PressReleasePage"),
});
const thoughtLeadershipRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/story/thought-leadership",
  component: lazyRouteComponent(
    () => import("./features/story/thought-leadership-page.tsx"),
    "ThoughtLeadershipPage",
  ),
});
const promotionDiagnosisRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/diagnostics/promotion",
  component: lazyRouteComponent(
    () => import("./features/diagnostics/promotion-diagnosis-page.tsx"),
    "PromotionDiagnosisPage",
  ),
});
const healthChecksRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/diagnostics/company",
  component: lazyRouteComponent(
    () => import("./features/diagnostics/health-check-page.tsx"),
    "HealthChecksPage",
  ),
});
const healthCheckRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/diagnostics/company/$id",
  component: lazyRouteComponent(
    () => import("./features/diagnostics/health-check-page.tsx"),
    "HealthCheckPage",
  ),
});
const toursRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/tours",
  component: lazyRouteComponent(() => import("./features/tours/tours-page.tsx"), "ToursPage"),
});
const newTourRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/tours/new",
  validateSearch: (
    search: Record<string, unknown>,
  ): { mission?: string; experiences?: string; lanes?: string } => ({
    mission: optionalString(search.mission),
    experiences: optionalString(search.experiences),
    lanes: optionalString(search.lanes),
  }),
  loader: ({ context }) => loadGuidePage(context),
  component: lazyRouteComponent(() => import("./features/tours/tour-edit-pages.tsx"), "NewTourPage"),
});
const tourRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/tours/$tourId",
  loader: ({ context, params }) => void context.queryClient.prefetchQuery(tourQuery(params.tourId)),
  component: lazyRouteComponent(() => import("./features/tours/tour-page.tsx"), "TourPage"),
});
const editTourRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/tours/$tourId/edit",
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(tourQuery(params.tourId));
    void context.queryClient.prefetchQuery(toursQuery);
  },
  component: lazyRouteComponent(() => import("./features/tours/tour-edit-pages.tsx"), "EditTourPage"),
});
const roadmapRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/roadmap",
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(toursQuery);
    void context.queryClient.prefetchQuery(careerPlanQuery);
  },
  component: lazyRouteComponent(() => import("./features/tours/roadmap-page.tsx"), "RoadmapPage"),
});
const feedbackRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/feedback",
  component: lazyRouteComponent(() => import("./features/feedback/feedback-page.tsx"), "FeedbackPage"),
});
const feedbackNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/feedback/new",
  component: lazyRouteComponent(
    () => import("./features/feedback/new-request-page.tsx"),
    "NewFeedbackRequestPage",
  ),
});
const feedbackRequestRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/feedback/$requestId",
  loader: ({ context, params }) =>
    void context.queryClient.prefetchQuery(feedbackRequestQuery(params.requestId)),
  component: lazyRouteComponent(() => import("./features/feedback/request-page.tsx"), "FeedbackRequestPage"),
});
const sharingRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/sharing",
  component: lazyRouteComponent(() => import("./features/sharing/sharing-page.tsx"), "SharingPage"),
});
const sharedWithMeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/shared",
  component: lazyRouteComponent(
    () => import("./features/sharing/shared-with-me-page.tsx"),
    "SharedWithMePage",
  ),
});
const sharedPlanRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/shared/$ownerId/plan",
  component: lazyRouteComponent(() => import("./features/sharing/shared-views.tsx"), "SharedPlanPage"),
});
const sharedLanesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/shared/$ownerId/lanes",
  component: lazyRouteComponent(() => import("./features/sharing/shared-views.tsx"), "SharedLanesPage"),
});
const sharedStoryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/shared/$ownerId/story",
  component: lazyRouteComponent(() => import("./features/sharing/shared-views.tsx"), "SharedStoryPage"),
});
const sharedPortfolioRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/shared/$ownerId/portfolio",
  component: lazyRouteComponent(() => import("./features/sharing/shared-views.tsx"), "SharedPortfolioPage"),
});
const managersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/managers",
  component: lazyRouteComponent(() => import("./features/managers/managers-page.tsx"), "ManagersPage"),
});
const managerLinkRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/managers/$linkId",
  component: lazyRouteComponent(() => import("./features/managers/link-page.tsx"), "ManagerLinkPage"),
});
const checkInAreaRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/managers/$linkId/areas/$areaId",
  component: lazyRouteComponent(() => import("./features/managers/area-page.tsx"), "CheckInAreaPage"),
});
const checkInRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/check-ins/$checkInId",
  component: lazyRouteComponent(() => import("./features/managers/check-in-page.tsx"), "CheckInPage"),
});
const notificationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/notifications",
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({
    page: positiveInt(search.page),
  }),
  component: lazyRouteComponent(
    () => import("./features/notifications/notifications-page.tsx"),
    "NotificationsPage",
  ),
});
const notificationSettingsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/notifications/settings",
  component: lazyRouteComponent(
    () => import("./features/notifications/notification-settings-page.tsx"),
    "NotificationSettingsPage",
  ),
});
const programsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/programs",
  component: lazyRouteComponent(() => import("./features/programs/programs-page.tsx"), "ProgramsPage"),
});
const myProgramsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/programs/mine",
  component: lazyRouteComponent(() => import("./features/programs/my-programs-page.tsx"), "MyProgramsPage"),
});
const programRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/programs/$programId",
  component: lazyRouteComponent(() => import("./features/programs/program-page.tsx"), "ProgramPage"),
});
const cohortRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/programs/cohorts/$cohortId",
  component: lazyRouteComponent(() => import("./features/programs/cohort-page.tsx"), "CohortPage"),
});
const findMentorsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/mentors",
  component: lazyRouteComponent(() => import("./features/mentors/find-mentors-page.tsx"), "FindMentorsPage"),
});
const mentorRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/mentors/$mentorId",
  component: lazyRouteComponent(() => import("./features/mentors/mentor-page.tsx"), "MentorPage"),
});
const mentorProfileRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/mentoring/profile",
  component: lazyRouteComponent(
    () => import("./features/mentors/mentor-profile-page.tsx"),
    "MentorProfilePage",
  ),
});
const mentorRequestsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/mentoring/requests",
  component: lazyRouteComponent(() => import("./features/mentors/requests-page.tsx"), "RequestsPage"),
});
const mentorRequestRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/mentoring/requests/$requestId",
  component: lazyRouteComponent(() => import("./features/mentors/requests-page.tsx"), "RequestPage"),
});
const communitiesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/communities",
  component: lazyRouteComponent(
    () => import("./features/communities/communities-page.tsx"),
    "CommunitiesPage",
  ),
});
const communityRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/communities/$communityId",
  component: lazyRouteComponent(() => import("./features/communities/community-page.tsx"), "CommunityPage"),
});
const threadRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/threads/$threadId",
  component: lazyRouteComponent(() => import("./features/communities/thread-page.tsx"), "ThreadPage"),
});
const eventRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/events/$eventId",
  component: lazyRouteComponent(() => import("./features/communities/event-page.tsx"), "EventPage"),
});
const mentoringLogRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/mentoring/log",
  component: lazyRouteComponent(
    () => import("./features/mentors/mentoring-log-page.tsx"),
    "MentoringLogPage",
  ),
});
const engagementsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/engagements",
  component: lazyRouteComponent(
    () => import("./features/engagements/engagement-page.tsx"),
    "EngagementsPage",
  ),
});
const engagementRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/engagements/$engagementId",
  component: lazyRouteComponent(() => import("./features/engagements/engagement-page.tsx"), "EngagementPage"),
});
const urgentCallsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/urgent-calls",
  component: lazyRouteComponent(
    () => import("./features/engagements/urgent-calls-page.tsx"),
    "UrgentCallsPage",
  ),
});
const urgentCallRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/urgent-calls/$callId",
  component: lazyRouteComponent(
    () => import("./features/engagements/urgent-calls-page.tsx"),
    "UrgentCallsPage",
  ),
});
const accountDataRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/settings/data",
  component: lazyRouteComponent(
    () => import("./features/account-data/account-data-page.tsx"),
    "AccountDataPage",
  ),
});
const securityRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/security",
  component: lazyRouteComponent(() => import("./features/security/security-page.tsx"), "SecurityPage"),
});

const adminLayout = createRoute({
  getParentRoute: () => appLayout,
  path: "/admin",
  component: lazyRouteComponent(() => import("./features/admin/admin-layout.tsx"), "AdminLayout"),
});
const adminIndexRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/admin/users" });
  },
});
const adminUsersRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/users",
  validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({
    q: optionalString(search.q),
    page: positiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import("./features/admin/users-page.tsx"), "UsersPage"),
});
const adminOutboxRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/outbox",
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({
    page: positiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import("./features/admin/outbox-page.tsx"), "OutboxPage"),
});
const adminJobsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/jobs",
  validateSearch: (search: Record<string, unknown>): { page?: number } => ({
    page: positiveInt(search.page),
  }),
  component: lazyRouteComponent(() => import("./features/admin/jobs-page.tsx"), "JobsPage"),
});
const adminOutboxMessageRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: "/outbox/$id",
  component: lazyRouteComponent(
    () => import("./features/admin/outbox-message-page.tsx"),
    "OutboxMessagePage",
  ),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([
    signInRoute,
    signUpRoute,
    checkEmailRoute,
    setupRoute,
    verifiedRoute,
    forgotPasswordRoute,
    resetPasswordRoute,
    twoFactorRoute,
    unsubscribeRoute,
  ]),
  giverLayout.addChildren([giveRoute]),
  printLayout.addChildren([printPressReleaseRoute]),
  appLayout.addChildren([
    homeRoute,
    profileRoute,
    glossaryRoute,
    lanesRoute,
    feedbackRoute,
    feedbackNewRoute,
    feedbackRequestRoute,
    toursRoute,
    newTourRoute,
    tourRoute,
    editTourRoute,
    roadmapRoute,
    portfolioRoute,
    nextLevelRoute,
    planRoute,
    decisionsRoute,
    newDecisionRoute,
    decisionRoute,
    editDecisionRoute,
    sharingRoute,
    managersRoute,
    managerLinkRoute,
    checkInAreaRoute,
    checkInRoute,
    sharedWithMeRoute,
    sharedPlanRoute,
    sharedLanesRoute,
    sharedPortfolioRoute,
    sharedStoryRoute,
    storyRoute,
    newStoryEntryRoute,
    editStoryEntryRoute,
    pressReleaseRoute,
    thoughtLeadershipRoute,
    promotionDiagnosisRoute,
    healthChecksRoute,
    healthCheckRoute,
    findMentorsRoute,
    mentorRoute,
    mentorProfileRoute,
    mentorRequestsRoute,
    mentorRequestRoute,
    mentoringLogRoute,
    engagementsRoute,
    engagementRoute,
    urgentCallsRoute,
    urgentCallRoute,
    communitiesRoute,
    communityRoute,
    threadRoute,
    eventRoute,
    programsRoute,
    myProgramsRoute,
    programRoute,
    cohortRoute,
    securityRoute,
    accountDataRoute,
    notificationsRoute,
    notificationSettingsRoute,
    adminLayout.addChildren([
      adminIndexRoute,
      adminUsersRoute,
      adminOutboxRoute,
      adminOutboxMessageRoute,
      adminJobsRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 300,
    defaultPendingComponent: () => <LoadingState />,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
