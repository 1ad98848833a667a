import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import {
  Circle,
  CircleCheck,
  Compass,
  Radar,
  ShieldAlert,
  ShieldCheck,
  UserRound,
  Wrench,
} from "lucide-react";
import { laneIds, lanes } from "../../../shared/lanes.ts";
import { levelLabels, trackLabels } from "../../../shared/profile.ts";
import { firstName, type Me, useMe } from "../../session.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { Spinner } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { laneAssessmentsQuery } from "../lanes/lanes-api.ts";

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

function LanesCard() {
  const query = useQuery(laneAssessmentsQuery);
  if (query.isPending) {
    return (
      <Card id="home-lanes" title="Your lanes" icon={<Radar size={18} />}>
        <Spinner label="Loading your lanes…" />
      </Card>
    );
  }
  const latest = query.data?.assessments[0];
  if (!latest) {
    return (
      <Card
        id="home-lanes"
        title="Rate yourself in the six lanes"
        icon={<Radar size={18} />}
        description="Crafting, market, organizational, domain, team and growth: see where you stand and pick the lane to become world-class in. It takes five minutes and stays private."
        actions={
          <Link to="/lanes" className={buttonClass("primary", "small")}>
            Take your first assessment
          </Link>
        }
      />
    );
  }
  const worldClass = latest.worldClassLane;
  return (
    <Card
      id="home-lanes"
      title="Your lanes"
      icon={<Radar size={18} />}
      description={
        worldClass
          ? `Becoming world-class in ${lanes[worldClass].label}${
              worldClass === "domain" && latest.domainName ? ` (${latest.domainName})` : ""
            }.`
          : "You have not picked a lane to become world-class in yet."
      }
      actions={
        <Link to="/lanes" className={buttonClass("secondary", "small")}>
          Open lanes
        </Link>
      }
    >
      <ul className="lanes-summary" aria-label="Latest ratings, from 1 to 5">
        {laneIds.map((lane) => (
          <li key={lane}>
            {lanes[lane].label} <strong>{latest.ratings[lane]}</strong>
          </li>
        ))}
      </ul>
    </Card>
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
        description="Your home in Sidecar. Here is what needs your attention."
      />
      <div className="stack-lg">
        <div className="cards">
          <ProfileCard profile={profile} />
          <SecurityCard twoFactorEnabled={user.twoFactorEnabled} />
          <LanesCard />
        </div>
        <Card id="home-about" title="What Sidecar is" icon={<Compass size={18} />}>
          <div className="stack">
            <p>
              Sidecar is an open-source companion for the careers of product people. Like a sidecar on a
              motorcycle, the people who help you share the steering wheel, but you drive: Sidecar never makes
              a career decision for you.
            </p>
            <p className="muted">
              This is an early version. Today you can set up your profile, rate yourself in the six lanes and
              secure your account. Career planning, honest feedback, mentoring and communities will arrive
              here as they are built, and what you write stays private unless you share it.
            </p>
          </div>
        </Card>
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
