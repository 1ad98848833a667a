import { RefreshCw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";
import type { MergeReport } from "./form.tsx";

type ConflictForm<T> = {
  conflict: string | null;
  merged: MergeReport<T> | null;
  resolveConflict: (latest: { values: T; version: number }) => void;
};

function shown(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? "(empty)" : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.length ? value.join(", ") : "(none)";
  }
  return null;
}

/**
 * What every edit form shows when its save answered 409 on the version: the record changed elsewhere.
 * What the person typed stays in the form; "Load the latest version" takes the latest in (fields they
 * did not touch follow it, fields they typed are kept) and says what changed, so they save again.
 */
export function ConflictNotice<T extends Record<string, unknown>>({
  form,
  loadLatest,
  labels,
  describe = shown,
}: {
  form: ConflictForm<T>;
  loadLatest: () => Promise<{ values: T; version: number }>;
  labels: Partial<Record<keyof T, string>>;
  /** How a stored value reads to a person, where the raw value would not (a choice's key, say). */
  describe?: (value: unknown) => string | null;
}) {
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const label = (key: keyof T) => labels[key] ?? String(key);

  useEffect(() => {
    if (form.merged) reportRef.current?.focus();
  }, [form.merged]);

  if (form.conflict) {
    return (
      <Alert tone="warning" title="Changed in another tab or on another device">
        <p>{form.conflict}</p>
        {failed ? <p>{failed}</p> : null}
        <Button
          variant="secondary"
          size="small"
          icon={<RefreshCw size={16} aria-hidden="true" />}
          pending={loading}
          onClick={async () => {
            setLoading(true);
            setFailed(null);
            try {
              form.resolveConflict(await loadLatest());
            } catch {
              setFailed("The latest version could not be loaded. Check your connection and try again.");
            } finally {
              setLoading(false);
            }
          }}
        >
          Load the latest version
        </Button>
      </Alert>
    );
  }
  if (!form.merged) return null;
  const { adopted, kept, latest } = form.merged;
  return (
    <div ref={reportRef} tabIndex={-1} className="conflict-report">
      <Alert tone="info" title="You now have the latest version">
        {adopted.length === 0 && kept.length === 0 ? (
          <p>Nothing you are editing here changed. Save again to keep your changes.</p>
        ) : null}
        {adopted.length > 0 ? <p>Updated from the latest version: {adopted.map(label).join(", ")}.</p> : null}
        {kept.length > 0 ? (
          <>
            <p>Changed there and here; what you typed is kept:</p>
            <ul>
              {kept.map((key) => {
                const theirs = describe(latest[key]);
                return (
                  <li key={String(key)}>
                    {label(key)}
                    {theirs !== null ? <> (the latest version says “{theirs}”)</> : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {adopted.length > 0 || kept.length > 0 ? <p>Check the form, then save again.</p> : null}
      </Alert>
    </div>
  );
}
