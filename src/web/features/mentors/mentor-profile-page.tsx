import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarClock, Pause, Play, UserRoundCog } from "lucide-react";
import { lazy } from "react";
import type { MyMentorProfile } from "../../../shared/mentors.ts";
import { api, call } from "../../api.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { myMentorProfileQuery } from "./mentors-api.ts";
import "./mentors.css";

// The profile form and the form library arrive once the page is on screen, into a box that keeps its
// place, so nothing moves when it arrives.
const MentorProfileForm = lazy(() => import("./mentor-profile-form.tsx"));

function PauseCard({ data }: { data: MyMentorProfile }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      call(data.profile?.paused ? api.mentors.me.resume.$post() : api.mentors.me.pause.$post()),
    onSuccess: (saved) => queryClient.setQueryData(myMentorProfileQuery.queryKey, saved),
  });
  const profile = data.profile;
  if (!profile) return null;
  return (
    <Card
      id="mentor-status"
      title={profile.paused ? "Paused: members are not offered you" : "Taking requests"}
      icon={profile.paused ? <Pause size={18} /> : <Play size={18} />}
      iconTone={profile.paused ? "warning" : "success"}
    >
      {profile.pausedReason === "unresponsive" ? (
        <Alert tone="warning">
          Sidecar paused you because several requests to you expired unanswered. Resume when you can answer
          within 48 hours again.
        </Alert>
      ) : null}
      <p>
        {data.activeMentees} of {profile.capacity} seats taken. {profile.responses.summary}.
      </p>
      {toggle.isError ? <Alert tone="error">{toggle.error.message}</Alert> : null}
      <Button variant="secondary" pending={toggle.isPending} onClick={() => toggle.mutate()}>
        {profile.paused ? "Resume taking requests" : "Pause taking requests"}
      </Button>
    </Card>
  );
}

export function MentorProfilePage() {
  useTitle("My mentor profile");
  const query = useQuery(myMentorProfileQuery);
  return (
    <>
      <PageHeader
        title="My mentor profile"
        description="What members see when they look for a mentor. Your weekly times stay on your own clock; members see them on theirs."
        actions={
          <Link to="/mentoring/requests" className={buttonClass("secondary")}>
            <CalendarClock size={18} aria-hidden="true" /> Requests
          </Link>
        }
      />
      <QueryState query={query} loading="Loading your mentor profile…" failed="Your mentor profile">
        {(data) => (
          <div className="stack-lg">
            <PauseCard data={data} />
            <Card
              id="mentor-profile-form"
              title={data.profile ? "Your profile" : "Become a mentor"}
              icon={<UserRoundCog size={18} />}
              description={
                data.profile ? undefined : "Fill this in to be found by members. You can pause any time."
              }
            >
              <div className="mentor-profile-form-slot">
                <AfterPaint component={MentorProfileForm} props={{ data }} />
              </div>
            </Card>
          </div>
        )}
      </QueryState>
    </>
  );
}
