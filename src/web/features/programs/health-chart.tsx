import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

type Week = { week: string; matches: number; accepted: number; sessions: number; meetings: number };

/** Matches, acceptances, sessions held and recorded meetings per week; loaded on its own so the chart library stays out of the main bundle. */
export default function HealthChart({ weekly }: { weekly: Week[] }) {
  if (weekly.length === 0) return <p className="muted">No weekly figures yet.</p>;
  return (
    <figure className="program-chart" aria-label="Matches, acceptances, sessions and meetings per week">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={weekly} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="matches" name="Matches made" fill="#2948b8" />
          <Bar dataKey="accepted" name="Accepted" fill="#1d6b3f" />
          <Line dataKey="sessions" name="Sessions held" stroke="#8a4b00" />
          <Line dataKey="meetings" name="Meetings recorded" stroke="#6b2c91" strokeDasharray="4 3" />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        {weekly
          .map(
            (w) =>
              `Week of ${w.week}: ${w.matches} matches, ${w.accepted} accepted, ${w.sessions} sessions held, ${w.meetings} meetings recorded`,
          )
          .join(". ")}
      </figcaption>
    </figure>
  );
}
