import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { CalendarClock, Send, UserRound } from "lucide-react";
import { lazy } from "react";
import { experienceLabels } from "../../../shared/experience-words.ts";
import { type MentorProfile, proofKindLabels, weekdayLabels } from "../../../shared/mentors.ts";
import { useMe } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { dayLabel, MentorSummary, SlotList } from "./mentor-parts.tsx";
import { mentorQuery } from "./mentors-api.ts";

// The request form and its schema load after the page's first picture.
const RequestForm = lazy(() => import("./request-forms.tsx").then((m) => ({ default: m.RequestForm })));

export function MentorPage() {
  const { mentorId } = useParams({ strict: false }) as { mentorId: string };
  const query = useQuery(mentorQuery(mentorId));
  useTitle(query.data?.name ?? "Mentor");
  return (
    <QueryState
      query={query}
      loading="Loading the mentor's profile…"
      failed="The mentor's profile"
      notFound={
        <RecordNotFound
          thing="mentor"
          back={
            <Link to="/mentors" className={buttonClass("secondary")}>
              Find another mentor
            </Link>
          }
        />
      }
    >
      {(mentor) => <MentorView mentor={mentor} />}
    </QueryState>
  );
}

function MentorView({ mentor }: { mentor: MentorProfile }) {
  const me = useMe();
  const own = mentor.userId === me.user.id;
  const taking = !mentor.paused && mentor.seatsLeft > 0;
  return (
    <>
      <PageHeader title={mentor.name} description={mentor.headline} />
      <div className="stack-lg">
        <MentorSummary mentor={mentor} />
        <Card id="about-mentor" title="About" icon={<UserRound size={18} />}>
          {mentor.about ? <p className="request-message-text">{mentor.about}</p> : null}
          {mentor.proof.length > 0 ? (
            <>
              <h3>Proof of work</h3>
              <ul>
                {mentor.proof.map((item) => (
                  <li key={`${item.kind}-${item.title}`}>
                    {proofKindLabels[item.kind]}:{" "}
                    {item.url ? (
                      <a href={item.url} rel="noopener noreferrer nofollow" target="_blank">
                        {item.title}
                      </a>
                    ) : (
                      item.title
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {mentor.showPortfolio && mentor.experiences.length > 0 ? (
            <>
              <h3>Experience</h3>
              <ul className="mentor-tags">
                {mentor.experiences.map((key) => (
                  <li key={key} className="badge">
                    {experienceLabels[key]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="muted small">
            Takes urgent calls: {mentor.urgentCalls ? "yes" : "no"}. Last active{" "}
            {mentor.lastActiveOn ? dayLabel(mentor.lastActiveOn) : "not yet"}.
          </p>
        </Card>
        <Card
          id="mentor-availability"
          title="When they are available"
          icon={<CalendarClock size={18} />}
          description={`In your time zone (${me.profile.timeZone ?? "UTC"}). They set it as weekly times in ${mentor.timeZone}.`}
        >
          <SlotList slots={mentor.slots} timeZone={me.profile.timeZone} />
          {mentor.weekly.length > 0 ? (
            <p className="muted small">
              Their week, on their clock:{" "}
              {mentor.weekly
                .map((rule) => `${weekdayLabels[rule.weekday]} ${rule.start}–${rule.end}`)
                .join("; ")}
              .
            </p>
          ) : null}
        </Card>
        {own ? (
          <Alert tone="info">
            This is your own profile as members see it. <Link to="/mentoring/profile">Edit it</Link>
          </Alert>
        ) : mentor.myOpenRequestId ? (
          <Alert tone="info">
            You already have a request with {mentor.name}.{" "}
            <Link to="/mentoring/requests/$requestId" params={{ requestId: mentor.myOpenRequestId }}>
              Open it
            </Link>
          </Alert>
        ) : taking ? (
          <Card id="request-form" title={`Ask ${mentor.name} to mentor you`} icon={<Send size={18} />}>
            <AfterPaint component={RequestForm} props={{ mentorId: mentor.userId, name: mentor.name }} />
          </Card>
        ) : (
          <Alert tone="warning">
            {mentor.name} is not taking requests just now.{" "}
            <Link to="/mentors" className={buttonClass("link")}>
              See other suggestions
            </Link>
          </Alert>
        )}
      </div>
    </>
  );
}
