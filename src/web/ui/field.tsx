import { Label } from "@radix-ui/react-label";
import { AlertCircle } from "lucide-react";
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from "react";

type FieldShellProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  labelAside?: ReactNode;
  children: ReactNode;
};

export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = fieldIds(id);
  const list = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}

export function FieldShell({
  id,
  label,
  hint,
  error,
  optional,
  className,
  labelAside,
  children,
}: FieldShellProps) {
  const ids = fieldIds(id);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <div className="field-label-row">
        <Label htmlFor={id} className="field-label">
          {label}
          {optional ? <span className="field-optional"> (optional)</span> : null}
        </Label>
        {labelAside}
      </div>
      {hint ? (
        <p id={ids.hint} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={ids.error} className="field-error">
          <AlertCircle size={16} aria-hidden="true" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  fieldClassName?: string;
  labelAside?: ReactNode;
};

export function TextField({
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  fieldClassName,
  labelAside,
  id: givenId,
  className,
  type = "text",
  ...rest
}: TextFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === "password";
  const input = (
    <input
      id={id}
      className={["input", className].filter(Boolean).join(" ")}
      type={isPassword && revealed ? "text" : type}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
      {...rest}
    />
  );
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={fieldClassName}
      labelAside={labelAside}
    >
      {isPassword ? (
        <div className="password-wrap">
          {input}
          <button
            type="button"
            className="button button-ghost password-toggle"
            aria-pressed={revealed}
            aria-controls={id}
            onClick={() => setRevealed((shown) => !shown)}
          >
            {revealed ? "Hide" : "Show"}
            <span className="visually-hidden"> password</span>
          </button>
        </div>
      ) : (
        input
      )}
    </FieldShell>
  );
}

export type SelectOption = { value: string; label: string };

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  fieldClassName?: string;
};

export function SelectField({
  label,
  value,
  onValueChange,
  options,
  hint,
  error,
  optional,
  fieldClassName,
  id: givenId,
  className,
  ...rest
}: SelectFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={fieldClassName}
    >
      <select
        id={id}
        className={["select", className].filter(Boolean).join(" ")}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value"> & {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  fieldClassName?: string;
};

export function TextAreaField({
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  fieldClassName,
  id: givenId,
  className,
  rows = 3,
  ...rest
}: TextAreaFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={fieldClassName}
    >
      <textarea
        id={id}
        className={["input", "textarea", className].filter(Boolean).join(" ")}
        rows={rows}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}
