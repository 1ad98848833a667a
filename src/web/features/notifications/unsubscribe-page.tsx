import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { BellOff, CircleCheck, CircleX } from "lucide-react";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { AuthCard } from "../../ui/auth-layout.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { unsubscribeQuery } from "./notifications-api.ts";

const route = getRouteApi("/public/unsubscribe/$token");

const howToTurnBackOn = (
  <>
    Notifications stay in your inbox in Sidecar. To get these emails again, sign in and open Notifications →
    Email settings.
  </>
);

// Opening the link only asks: mail scanners follow links, so turning email off takes the button (or
// the mail provider's one-click POST).
export function UnsubscribePage() {
  const { token } = route.useParams();
  const queryClient = useQueryClient();
  const query = useQuery(unsubscribeQuery(token));
  const confirm = useMutation({
    mutationFn: () => call(api.unsubscribe[":token"].$post({ param: { token: encodeURIComponent(token) } })),
    onSuccess: (done) => queryClient.setQueryData(unsubscribeQuery(token).queryKey, done),
  });
  useTitle(query.data?.delivery === "off" ? "Unsubscribed" : "Unsubscribe");

  return (
    <QueryState
      query={query}
      loading="Checking your link…"
      failed="Your unsubscribe link"
      notFound={
        <AuthCard
          title="This link didn't work"
          icon={<CircleX size={22} />}
          iconTone="danger"
          description={
            query.error?.message ||
            "This unsubscribe link is not valid. Check that you copied all of it, or change your email settings after signing in."
          }
        >
          <Link to="/sign-in" className={buttonClass("primary", "default", true)}>
            Sign in to change your email settings
          </Link>
        </AuthCard>
      }
    >
      {(data) => {
        const what = data.scope === "digest" ? "the daily digest" : `emails about “${data.label}”`;
        return data.delivery === "off" ? (
          <AuthCard
            title="You're unsubscribed"
            icon={<CircleCheck size={22} />}
            iconTone="success"
            description={<>Sidecar will no longer send you {what}.</>}
          >
            <p className="muted">{howToTurnBackOn}</p>
            <Link to="/notifications/settings" className={buttonClass("secondary", "default", true)}>
              Open email settings
            </Link>
          </AuthCard>
        ) : (
          <AuthCard
            title="Stop these emails?"
            icon={<BellOff size={22} />}
            description={
              <>Sidecar will stop sending you {what}. Security emails about your account are always sent.</>
            }
          >
            <div className="stack">
              {confirm.isError ? <Alert tone="error">{confirm.error.message}</Alert> : null}
              <Button block pending={confirm.isPending} onClick={() => confirm.mutate()}>
                Unsubscribe
              </Button>
              <p className="muted">{howToTurnBackOn}</p>
            </div>
          </AuthCard>
        );
      }}
    </QueryState>
  );
}
