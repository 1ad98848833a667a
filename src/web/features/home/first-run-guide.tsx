import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowRight, Circle, CircleCheck, Route as RouteIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { GuideStep, HomeDashboard } from "../../../shared/home.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { NewTourLink } from "../tours/new-tour-link.tsx";
import { homeDashboardQuery } from "./home-api.ts";
import "./home.css";

type StepDefinition = {
  title: string;
  why: string;
  done: string;
  action: string;
  to: "/plan" | "/lanes" | "/portfolio" | "/tours/new";
};

// The order follows the idea of the product: decide where you are going, see where you stand,
// see what you lack, then plan the next tour of duty to close the biggest gap.
const stepDefinitions: Record<GuideStep, StepDefinition> = {
  "north-star": {
    title: "Set your North Star",
    why: "The end state you work back from, the skip job on the way to it, and your next job.",
    done: "Your North Star is set.",
    action: "Set your North Star",
    to: "/plan",
  },
  lanes: {
    title: "Rate yourself in the six lanes",
    why: "Where you stand in crafting, market, organizational, domain, team and growth.",
    done: "Your lanes are rated.",
    action: "Rate your lanes",
    to: "/lanes",
  },
  portfolio: {
    title: "Add your roles to the portfolio",
    why: "Each role's stage, market and kind of work shows which experiences you have and which you lack.",
    done: "Your first role is in the portfolio.",
    action: "Add your roles",
    to: "/portfolio",
  },
  "first-tour": {
    title: "Plan your first tour of duty",
    why: "12 to 18 months with a mission that closes your biggest gap, with milestones to track.",
    done: "Your first tour of duty is planned.",
    action: "Plan your first tour",
    to: "/tours/new",
  },
};

/** The first tour starts from the biggest portfolio gap, so the plan closes what the member lacks. */
function StepLink({
  step,
  home,
  className,
  children,
}: {
  step: GuideStep;
  home: HomeDashboard;
  className: string;
  children: ReactNode;
}) {
  const { to } = stepDefinitions[step];
  if (to === "/tours/new") {
    return (
      <NewTourLink
        mission={home.biggestGap?.mission}
        experiences={home.biggestGap?.experiences}
        className={className}
      >
        {children}
      </NewTourLink>
    );
  }
  return (
    <Link to={to} className={className}>
      {children}
    </Link>
  );
}

function stepNumber(home: HomeDashboard, step: GuideStep) {
  return home.guide.steps.findIndex((s) => s.step === step) + 1;
}

/** The home page's walk-through for a new member: four steps, each linking to its page. */
export function FirstRunGuide({ home }: { home: HomeDashboard }) {
  const done = home.guide.steps.filter((s) => s.done).length;
  const next = home.guide.steps.find((s) => !s.done);
  const percent = Math.round((done / home.guide.steps.length) * 100);
  return (
    <Card
      id="home-guide"
      className="home-wide"
      title={done === 0 ? "Build your career plan in four steps" : "Keep building your career plan"}
      icon={<RouteIcon size={18} />}
      description="Work back from where you want to end up, see where you stand, and plan the next 12 to 18 months. Everything you write here is private to you."
    >
      <div className="stack">
        <div
          className="progress"
          role="progressbar"
          aria-label="Career plan steps done"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${done} of ${home.guide.steps.length} steps done`}
        >
          <div className="progress-bar" style={{ width: `${percent}%` }} />
        </div>
        <ol className="guide-steps">
          {home.guide.steps.map(({ step, done: stepDone }, index) => {
            const definition = stepDefinitions[step];
            const isNext = next?.step === step;
            return (
              <li key={step} className="guide-step" data-state={stepDone ? "done" : isNext ? "next" : "todo"}>
                {stepDone ? (
                  <CircleCheck size={20} className="guide-step-icon done" aria-hidden="true" />
                ) : (
                  <Circle size={20} className="guide-step-icon todo" aria-hidden="true" />
                )}
                <div className="guide-step-text">
                  <strong>
                    <span className="visually-hidden">Step {index + 1}: </span>
                    {definition.title}
                    <span className="visually-hidden">{stepDone ? " (done)" : " (to do)"}</span>
                  </strong>
                  <span className="muted small">{definition.why}</span>
                </div>
                {isNext ? (
                  <StepLink step={step} home={home} className={buttonClass("primary", "small")}>
                    {definition.action}
                  </StepLink>
                ) : stepDone ? (
                  <StepLink step={step} home={home} className="guide-step-link small">
                    Review<span className="visually-hidden"> {definition.title.toLowerCase()}</span>
                  </StepLink>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </Card>
  );
}

/** On a step's own page while the guide is unfinished: which step this is and, once done, the next one. */
export function GuideBanner({ step }: { step: GuideStep }) {
  const { data: home } = useQuery(homeDashboardQuery);
  if (!home || home.guide.complete) return null;
  const number = stepNumber(home, step);
  const thisDone = home.guide.steps[number - 1]?.done ?? false;
  const next = home.guide.steps.find((s) => !s.done && s.step !== step);
  return (
    <aside className="guide-banner" aria-label="First-run guide">
      <p>
        <strong>
          Step {number} of {home.guide.steps.length}
        </strong>{" "}
        {thisDone ? stepDefinitions[step].done : stepDefinitions[step].why}
      </p>
      {thisDone && next ? (
        <StepLink step={next.step} home={home} className={buttonClass("primary", "small")}>
          Next: {stepDefinitions[next.step].action.toLowerCase()}
          <ArrowRight size={16} aria-hidden="true" />
        </StepLink>
      ) : (
        <Link to="/" className="guide-step-link small">
          See all steps
        </Link>
      )}
    </aside>
  );
}
