import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import {
  BookOpenCheck,
  Briefcase,
  Circle,
  CircleCheck,
  Compass,
  Flag,
  Radar,
  ShieldAlert,
  ShieldCheck,
  UserRound,
  Wrench,
} from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { HomeDashboard } from "../../../shared/home.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { levelLabels, trackLabels } from "../../../shared/levels.ts";
import { isMilestoneOverdue, isRenegotiationOverdue, isRevisitOverdue } from "../../../shared/overdue.ts";
import { firstName, type Me, useMe, useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { OverdueBadge } from "../../ui/overdue-badge.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { Spinner } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { NewTourLink } from "../tours/new-tour-link.tsx";
import { FirstRunGuide } from "./first-run-guide.tsx";
import { homeDashboardQuery } from "./home-api.ts";
import "./home.css";

function profileChecklist(profile: Me["profile"]) {
  return [
    { key: "level", label: "Current level", done: profile.level !== null },
    { key: "track", label: "Track", done: profile.track !== null },
    { key: "company", label: "Company", done: profile.company.trim().length > 0 },
    { key: "timeZone", label: "Time zone", done: Boolean(profile.timeZone) },
  ];
}

function ProfileCard({ profile }: { profile: Me["profile"] }) {
  const items = profileChecklist(profile);
  const done = items.filter((item) => item.done).length;
  const complete = done === items.length;
  const percent = Math.round((done / items.length) * 100);
  const summary = [
    profile.level ? levelLabels[profile.level] : null,
    profile.track ? trackLabels[profile.track] : null,
    profile.company || null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <Card
      id="home-profile"
      title={complete ? "Your profile is complete" : "Complete your profile"}
      icon={<UserRound size={18} />}
      iconTone={complete ? "success" : "accent"}
      description={
        complete
          ? summary
          : "Your level, track, company and time zone help Sidecar suggest the right next steps and people."
      }
      actions={
        <Link to="/profile" className={buttonClass(complete ? "secondary" : "primary", "small")}>
          {complete ? "Edit profile" : "Complete your profile"}
        </Link>
      }
    >
      {complete ? null : (
        <div className="stack">
          <div className="row-between small">
            <span className="muted">
              {done} of {items.length} details added
            </span>
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label="Profile completeness"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <ul className="checklist">
            {items.map((item) => (
              <li key={item.key}>
                {item.done ? (
                  <CircleCheck size={16} className="done" aria-hidden="true" />
                ) : (
                  <Circle size={16} className="todo" aria-hidden="true" />
                )}
                <span>
                  {item.label}
                  <span className="visually-hidden">{item.done ? ": added" : ": missing"}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

function SecurityCard({ twoFactorEnabled }: { twoFactorEnabled: boolean }) {
  if (twoFactorEnabled) {
    return (
      <Card
        id="home-security"
        title="Your account is protected"
        icon={<ShieldCheck size={18} />}
        iconTone="success"
        description="Two-factor authentication is on. Keep your recovery codes somewhere safe."
        actions={
          <Link to="/security" className={buttonClass("secondary", "small")}>
            Review security
          </Link>
        }
      />
    );
  }
  return (
    <Card
      id="home-security"
      title="Secure your account"
      icon={<ShieldAlert size={18} />}
      iconTone="warning"
      description="Turn on two-factor authentication so a stolen password alone can't open your account. It takes two minutes with an authenticator app."
      actions={
        <Link to="/security" className={buttonClass("primary", "small")}>
          Go to Security
        </Link>
      }
    />
  );
}

function NorthStarCard({ home }: { home: HomeDashboard }) {
  const { northStar, skipJob } = home;
  if (!northStar) return null;
  return (
    <Card
      id="home-north-star"
      title={northStar.reached ? "North Star reached" : "Your North Star"}
      icon={<Compass size={18} />}
      iconTone={northStar.reached ? "success" : "accent"}
      description={
        northStar.reached
          ? `${northStar.role}. Time for Act Three: what comes next.`
          : `${northStar.role}, by ${northStar.horizonYear}.${
              skipJob
                ? ` On the way: ${skipJob.role}${skipJob.targetYear ? ` by ${skipJob.targetYear}` : ""}.`
                : ""
            }`
      }
      actions={
        <>
          <Link to="/plan" className={buttonClass("secondary", "small")}>
            {northStar.reached ? "Plan Act Three" : "Open career plan"}
          </Link>
          <Link to="/roadmap" className={buttonClass("ghost", "small")}>
            See the roadmap
          </Link>
        </>
      }
    />
  );
}

function TourCard({ home }: { home: HomeDashboard }) {
  const { tour } = home;
  const today = useMemberToday();
  if (!tour) return null;
  const next = tour.nextMilestone;
  return (
    <Card
      id="home-tour"
      title={tour.status === "active" ? `Current tour: ${tour.title}` : `Next tour: ${tour.title}`}
      icon={<Flag size={18} />}
      description={
        tour.status === "active"
          ? `Until ${formatCalendarDate(tour.endsOn)}${
              tour.renegotiateOn ? `; renegotiate on ${formatCalendarDate(tour.renegotiateOn)}` : ""
            }. ${tour.milestonesDone} of ${tour.milestonesTotal} milestones done.`
          : `Starts ${formatCalendarDate(tour.startsOn)}.`
      }
      actions={
        <Link to="/tours/$tourId" params={{ tourId: tour.id }} className={buttonClass("secondary", "small")}>
          Open the tour
        </Link>
      }
    >
      {tour.renegotiateOn && isRenegotiationOverdue(tour, today) ? (
        <p>
          <OverdueBadge since={tour.renegotiateOn} what="the renegotiation" /> The renegotiation date,{" "}
          {formatCalendarDate(tour.renegotiateOn)}, has passed: talk it through and set the next one.
        </p>
      ) : null}
      {next ? (
        <p>
          <span className="muted">Next milestone:</span> <strong>{next.title}</strong>, due{" "}
          {formatCalendarDate(next.dueOn)}
          {isMilestoneOverdue(next, today) ? (
            <>
              {" "}
              <OverdueBadge since={next.dueOn} what={next.title} />
            </>
          ) : null}
        </p>
      ) : (
        <p className="muted">No open milestones. Add one so you can see progress.</p>
      )}
    </Card>
  );
}

function DecisionCard({ home }: { home: HomeDashboard }) {
  const { decisionDue } = home;
  const today = useMemberToday();
  if (!decisionDue) return null;
  return (
    <Card
      id="home-decision"
      title="A decision to look back at"
      icon={<BookOpenCheck size={18} />}
      iconTone="warning"
      description={`"${decisionDue.dilemma}" was due for a revisit on ${formatCalendarDate(decisionDue.revisitOn)}.${
        decisionDue.dueCount > 1
          ? ` ${decisionDue.dueCount - 1} more ${decisionDue.dueCount === 2 ? "is" : "are"} due.`
          : ""
      }`}
      actions={
        <Link to="/decisions/$id" params={{ id: decisionDue.id }} className={buttonClass("primary", "small")}>
          Revisit it
        </Link>
      }
    >
      {isRevisitOverdue(decisionDue, today) ? (
        <p>
          <OverdueBadge since={decisionDue.revisitOn} what="the revisit" />
        </p>
      ) : null}
    </Card>
  );
}

function LanesCard({ home }: { home: HomeDashboard }) {
  const focus = home.lanes;
  if (!focus) return null;
  const worldClass = focus.worldClassLane;
  return (
    <Card
      id="home-lanes"
      title="Your lane focus"
      icon={<Radar size={18} />}
      description={
        worldClass
          ? `Becoming world-class in ${lanes[worldClass].label} (you rate it ${focus.worldClassRating} of 5).`
          : "You have not picked a lane to become world-class in yet."
      }
      actions={
        <Link to="/lanes" className={buttonClass("secondary", "small")}>
          Open lanes
        </Link>
      }
    >
      {focus.weakestLane !== worldClass ? (
        <p>
          <span className="muted">Lowest rated:</span> <strong>{lanes[focus.weakestLane].label}</strong> at{" "}
          {focus.weakestRating} of 5.
        </p>
      ) : null}
    </Card>
  );
}

function GapCard({ home }: { home: HomeDashboard }) {
  const gap = home.biggestGap;
  if (!gap) return null;
  return (
    <Card
      id="home-gap"
      title="Your biggest portfolio gap"
      icon={<Briefcase size={18} />}
      description={`${gap.mission}. ${gap.gapCount > 1 ? `${gap.gapCount - 1} more gaps are listed in your portfolio.` : ""}`}
      actions={
        <>
          <NewTourLink
            mission={gap.mission}
            experiences={gap.experiences}
            className={buttonClass("primary", "small")}
          >
            Turn into a tour
          </NewTourLink>
          <Link to="/portfolio" className={buttonClass("ghost", "small")}>
            See all gaps
          </Link>
        </>
      }
    />
  );
}

function PlanCards() {
  const query = useQuery(homeDashboardQuery);
  if (query.isPending) {
    return (
      <Card id="home-plan-loading" title="Your plan" icon={<Compass size={18} />}>
        <Spinner label="Loading where your plan stands…" />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Alert tone="error" title="Your plan could not be loaded">
        {query.error.message}
      </Alert>
    );
  }
  const home = query.data;
  return (
    <>
      {home.guide.complete ? null : <FirstRunGuide home={home} />}
      <div className="home-cards">
        <DecisionCard home={home} />
        <TourCard home={home} />
        <NorthStarCard home={home} />
        <GapCard home={home} />
        <LanesCard home={home} />
      </div>
    </>
  );
}

export function HomePage() {
  const { user, profile } = useMe();
  const name = firstName(profile.name || user.name);
  useTitle("Home");

  return (
    <>
      <PageHeader
        title={name ? `Welcome, ${name}` : "Welcome"}
        description="Where your plan stands, and what needs your attention."
      />
      <div className="home-dashboard">
        <PlanCards />
        <div className="home-cards">
          <ProfileCard profile={profile} />
          <SecurityCard twoFactorEnabled={user.twoFactorEnabled} />
        </div>
        {user.role === "admin" ? (
          <Card
            id="home-admin"
            title="Run this Sidecar"
            icon={<Wrench size={18} />}
            description="You are an administrator of this instance."
            actions={
              <>
                <Link to="/admin/users" className={buttonClass("secondary", "small")}>
                  Manage users
                </Link>
                <Link to="/admin/outbox" className={buttonClass("secondary", "small")}>
                  Read the outbox
                </Link>
              </>
            }
          />
        ) : null}
      </div>
    </>
  );
}
