import { Link } from "@tanstack/react-router";
import { MessageSquarePlus } from "lucide-react";
import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { useTitle } from "../../ui/use-title.ts";
import "./feedback.css";

// The request form, its schema and the form library arrive once the page is on screen.
const NewRequestForm = lazy(() => import("./new-request-form.tsx"));

export function NewFeedbackRequestPage() {
  useTitle("Ask for feedback");
  return (
    <>
      <PageHeader
        title="Ask for feedback"
        before={
          <Link to="/feedback" className="small">
            ← Feedback
          </Link>
        }
        description="Givers see who is asking and why, answer without an account, and are told plainly that their answers reach you without their names and only once enough people have answered."
      />
      <Card id="new-request" title="Your request" icon={<MessageSquarePlus size={18} />}>
        <div className="new-request-slot">
          <AfterPaint component={NewRequestForm} props={{}} />
        </div>
      </Card>
    </>
  );
}
