export function Spinner({ label, large = false }: { label?: string; large?: boolean }) {
  if (label) {
    return (
      <span role="status" className="row">
        <span className={large ? "spinner spinner-large" : "spinner"} aria-hidden="true" />
        <span className="visually-hidden">{label}</span>
      </span>
    );
  }
  return <span className={large ? "spinner spinner-large" : "spinner"} aria-hidden="true" />;
}

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading-state" role="status" aria-live="polite">
      <span className="spinner spinner-large" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
