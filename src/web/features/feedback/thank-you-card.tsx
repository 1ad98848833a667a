import { Heart } from "lucide-react";
import { lazy } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { FeedbackRequest } from "../../../shared/feedback.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Card } from "../../ui/card.tsx";

const ThankYouForm = lazy(() => import("./thank-you-form.tsx"));

/** The one thank-you to everyone invited by email, once answers are in. */
export function ThankYouCard({ request }: { request: FeedbackRequest }) {
  return (
    <Card
      id="thank-you"
      title="Say thank you"
      icon={<Heart size={18} />}
      description="One message, emailed to everyone you invited by email. It names no one, and Sidecar never tells you who answered."
    >
      {request.thankedOn ? (
        <p className="small">You sent your thank-you on {formatCalendarDate(request.thankedOn)}.</p>
      ) : (
        <div className="thank-you-slot">
          <AfterPaint component={ThankYouForm} props={{ request }} />
        </div>
      )}
    </Card>
  );
}
