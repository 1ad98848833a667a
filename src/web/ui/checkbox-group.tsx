import { AlertCircle } from "lucide-react";
import { useId } from "react";

/** A labelled set of checkboxes that reads and writes a list of values. */
export function CheckboxGroup<V extends string>({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  name,
  optional = true,
}: {
  legend: string;
  /** Marks the group "(optional)" in its legend; a required group is checked where the form is. */
  optional?: boolean;
  hint?: string;
  options: readonly { value: V; label: string }[];
  value: readonly string[];
  onChange: (value: V[]) => void;
  error?: string;
  name: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy || undefined}>
      <legend className="field-label">
        {legend}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-options">
        {options.map((option) => (
          <label key={option.value} className="checkbox-option">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(event) =>
                onChange(
                  options
                    .map((o) => o.value)
                    .filter((v) => (v === option.value ? event.target.checked : value.includes(v))),
                )
              }
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <AlertCircle size={16} aria-hidden="true" />
          <span>{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
