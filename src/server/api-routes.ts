import { createRouter } from "./http/router.ts";
import { jobsRoutes } from "./jobs/jobs.routes.ts";
import { accountDataRoutes } from "./modules/account-data/account-data.routes.ts";
import { adminRoutes } from "./modules/admin/admin.routes.ts";
import { careerPlanRoutes } from "./modules/career-plan/career-plan.routes.ts";
import { communitiesRoutes } from "./modules/communities/communities.routes.ts";
import { decisionsRoutes } from "./modules/decisions/decisions.routes.ts";
import { engagementsRoutes } from "./modules/engagements/engagements.routes.ts";
import { feedbackRoutes } from "./modules/feedback/feedback.routes.ts";
import { givingRoutes } from "./modules/feedback/giving.routes.ts";
import { healthCheckRoutes } from "./modules/health-check/health-check.routes.ts";
import { homeRoutes } from "./modules/home/home.routes.ts";
import { instanceRoutes } from "./modules/instance/instance.routes.ts";
import { lanesRoutes } from "./modules/lanes/lanes.routes.ts";
import { managersRoutes } from "./modules/managers/managers.routes.ts";
import { mentorsRoutes } from "./modules/mentors/mentors.routes.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import { portfolioRoutes } from "./modules/portfolio/portfolio.routes.ts";
import { profileRoutes } from "./modules/profile/profile.routes.ts";
import { programsRoutes } from "./modules/programs/programs.routes.ts";
import { promotionDiagnosisRoutes } from "./modules/promotion-diagnosis/promotion-diagnosis.routes.ts";
import { sharingRoutes } from "./modules/sharing/sharing.routes.ts";
import { storyRoutes } from "./modules/story/story.routes.ts";
import { targetRoleRoutes } from "./modules/target-role/target-role.routes.ts";
import { toursRoutes } from "./modules/tours/tours.routes.ts";

/** Every documented route of the API, chained so their types add up to the web app's typed client. */
export function apiRoutes() {
  return createRouter()
    .route("/", homeRoutes())
    .route("/", profileRoutes())
    .route("/", lanesRoutes())
    .route("/", portfolioRoutes())
    .route("/", targetRoleRoutes())
    .route("/", careerPlanRoutes())
    .route("/", decisionsRoutes())
    .route("/", toursRoutes())
    .route("/", feedbackRoutes())
    .route("/", givingRoutes())
    .route("/", storyRoutes())
    .route("/", promotionDiagnosisRoutes())
    .route("/", healthCheckRoutes())
    .route("/", sharingRoutes())
    .route("/", mentorsRoutes())
    .route("/", engagementsRoutes())
    .route("/", communitiesRoutes())
    .route("/", programsRoutes())
    .route("/", managersRoutes())
    .route("/", notificationsRoutes())
    .route("/", accountDataRoutes())
    .route("/", adminRoutes())
    .route("/", jobsRoutes())
    .route("/", instanceRoutes());
}

/** The API's routes, inputs and answers as one type; the web app imports it with `import type` only. */
export type AppType = ReturnType<typeof apiRoutes>;
