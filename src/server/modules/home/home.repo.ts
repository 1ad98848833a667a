import type { NorthStarInput, SkipJobInput } from "../../../shared/career-plan.ts";
import type { CompanyStage, ExperienceKey, Market, Vantage, WorkKind } from "../../../shared/experience.ts";
import type { LaneId } from "../../../shared/lanes.ts";
import type { MilestoneStatus } from "../../../shared/tours.ts";
import { type Db, type PreparedRead, prepareRead } from "../../db/open.ts";

type Ratings = Record<LaneId, number>;

/** Everything the home dashboard shows, as JSON from the database: dates are ISO strings. */
export type DashboardRow = {
  plan: { northStar: NorthStarInput | null; reachedOn: string | null; skipJob: SkipJobInput | null } | null;
  assessment: { ratings: Ratings; worldClassLane: LaneId | null; createdAt: string } | null;
  hasTours: boolean;
  tour: {
    id: string;
    title: string;
    startsOn: string;
    endsOn: string;
    renegotiateOn: string | null;
    milestones: { id: string; title: string; dueOn: string; status: MilestoneStatus }[];
  } | null;
  decisionDue: { id: string; dilemma: string; revisitOn: string } | null;
  decisionsDueCount: number;
  /** Each distinct kind of role once: the coverage grid needs what roles cover, not every role. */
  roleKinds: {
    stage: CompanyStage;
    market: Market;
    vantage: Vantage;
    work: WorkKind[];
    peopleManaged: number;
    wellKnownLogo: boolean;
  }[];
  openTours: { id: string; title: string; experiences: ExperienceKey[] }[];
};

const dashboardReads = new WeakMap<Db, PreparedRead>();

// Prepared once per connection: the database neither parses nor plans it again on each visit.
// `$1` is the member, `$2` their today.
const dashboardText = `
  select json_build_object(
    'plan', (
      select json_build_object(
        'northStar', p.north_star, 'reachedOn', p.north_star_reached_on, 'skipJob', p.skip_job)
      from career_plans p where p.user_id = $1),
    'assessment', (
      select json_build_object(
        'ratings', json_build_object(
          'crafting', a.crafting, 'market', a.market, 'organizational', a.organizational,
          'domain', a.domain, 'team', a.team, 'growth', a.growth),
        'worldClassLane', a.world_class_lane, 'createdAt', a.created_at)
      from lane_assessments a where a.user_id = $1
      order by a.created_at desc limit 1),
    'hasTours', exists (select 1 from tours t where t.user_id = $1),
    'tour', (
      select json_build_object(
        'id', t.id, 'title', t.title, 'startsOn', t.starts_on, 'endsOn', t.ends_on,
        'renegotiateOn', t.renegotiate_on,
        'milestones', coalesce((
          select json_agg(json_build_object(
            'id', m.id, 'title', m.title, 'dueOn', m.due_on, 'status', m.status) order by m.due_on, m.id)
          from tour_milestones m where m.tour_id = t.id), '[]'::json))
      from tours t
      where t.user_id = $1 and t.ended_on is null and t.ends_on >= $2::date
      order by (t.starts_on <= $2::date) desc,
        case when t.starts_on <= $2::date then t.position end,
        t.starts_on, t.position
      limit 1),
    'decisionDue', (
      select json_build_object('id', d.id, 'dilemma', d.dilemma, 'revisitOn', d.revisit_on)
      from decisions d where d.user_id = $1 and d.revisit_on <= $2::date
      order by d.revisit_on, d.decided_on, d.id limit 1),
    'decisionsDueCount', (
      select count(*) from decisions d where d.user_id = $1 and d.revisit_on <= $2::date),
    'roleKinds', coalesce((
      with recursive kinds as (
        (select stage, market, vantage, work, people_managed, well_known_logo
          from portfolio_roles where user_id = $1
          order by stage, market, vantage, work, people_managed, well_known_logo limit 1)
        union all
        select next.* from kinds k cross join lateral (
          select r.stage, r.market, r.vantage, r.work, r.people_managed, r.well_known_logo
          from portfolio_roles r
          where r.user_id = $1
            and (r.stage, r.market, r.vantage, r.work, r.people_managed, r.well_known_logo)
              > (k.stage, k.market, k.vantage, k.work, k.people_managed, k.well_known_logo)
          order by r.stage, r.market, r.vantage, r.work, r.people_managed, r.well_known_logo
          limit 1) next)
      select json_agg(json_build_object(
        'stage', k.stage, 'market', k.market, 'vantage', k.vantage, 'work', k.work,
        'peopleManaged', k.people_managed, 'wellKnownLogo', k.well_known_logo))
      from kinds k), '[]'::json),
    'openTours', coalesce((
      select json_agg(json_build_object('id', t.id, 'title', t.title, 'experiences', t.experiences)
        order by t.position)
      from tours t
      where t.user_id = $1 and t.ended_on is null and t.ends_on >= $2::date), '[]'::json)
  ) as dashboard`;

/**
 * The whole dashboard in one statement, each part through the member's own index and limited to what
 * is shown: the latest assessment, the one current tour with its milestones, the first decision due
 * and a count, and the distinct kinds of role for the portfolio's biggest gap. The kinds are found by
 * skipping through `portfolio_roles_user_kind_idx` from one kind to the next, one probe each, so a
 * hundred roles of one kind cost what one does.
 */
export async function findDashboardRow(db: Db, userId: string, today: string): Promise<DashboardRow> {
  let read = dashboardReads.get(db);
  if (!read) {
    read = prepareRead(db, "find_home_dashboard", dashboardText);
    dashboardReads.set(db, read);
  }
  const dashboard = (await read([userId, today])) as DashboardRow | undefined;
  if (!dashboard) throw new Error("the dashboard statement returned no row");
  return dashboard;
}
