import { type FormEvent, type ReactNode, useCallback, useRef, useState } from "react";
import type { z } from "zod";
import { ApiError } from "../api.ts";
import { Alert } from "./alert.tsx";

export type FieldErrors = Record<string, string | undefined>;

/** First message per field, keyed by the input name. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    if (!errors[key]) errors[key] = issue.message;
  }
  return errors;
}

function readDraft<T>(key: string): T | undefined {
  try {
    const stored = window.sessionStorage.getItem(key);
    return stored ? (JSON.parse(stored) as T) : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(key: string, values: unknown) {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Storage may be full or switched off; the form still works, only the safety net is gone.
  }
}

/**
 * Small form state: values, field errors and a form-level error. Values survive every error.
 * With a `draftKey`, what the person typed is also kept in this tab until it is saved, so a session
 * that ends mid-edit (and the sign-in that follows) loses nothing.
 */
export function useFormState<T extends Record<string, unknown>>(
  initial: T,
  options: { draftKey?: string } = {},
) {
  const { draftKey } = options;
  const [restored] = useState(() => (draftKey ? readDraft<T>(draftKey) : undefined));
  const [values, setValues] = useState<T>(() => (restored ? { ...initial, ...restored } : initial));
  const [draftRestored, setDraftRestored] = useState(Boolean(restored));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => {
      setValues((current) => {
        const next = { ...current, [key]: value };
        if (draftKey) writeDraft(draftKey, next);
        return next;
      });
      setErrors((current) => (current[key as string] ? { ...current, [key as string]: undefined } : current));
    },
    [draftKey],
  );

  const clearDraft = useCallback(() => {
    if (draftKey) window.sessionStorage.removeItem(draftKey);
    setDraftRestored(false);
  }, [draftKey]);

  const focusFirstError = useCallback(() => {
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      invalid?.focus();
    });
  }, []);

  const showErrors = useCallback(
    (fieldErrors: FieldErrors, message?: ReactNode) => {
      setErrors(fieldErrors);
      setFormError(message ?? null);
      focusFirstError();
    },
    [focusFirstError],
  );

  /** Validates with a zod schema; on failure shows the errors and returns null. */
  const validate = useCallback(
    <S extends z.ZodType>(schema: S, input: unknown = values): z.infer<S> | null => {
      const result = schema.safeParse(input);
      if (result.success) {
        setErrors({});
        setFormError(null);
        return result.data;
      }
      showErrors(zodFieldErrors(result.error));
      return null;
    },
    [values, showErrors],
  );

  /** Shows an API error under its field when it names one we have, otherwise above the form. */
  const showApiError = useCallback(
    (error: unknown, knownFields: readonly string[] = Object.keys(values)) => {
      if (error instanceof ApiError && error.field && knownFields.includes(error.field)) {
        showErrors({ [error.field]: error.message });
        return;
      }
      const message = error instanceof Error ? error.message : "Something went wrong. Please try again.";
      showErrors({}, message);
    },
    [values, showErrors],
  );

  return {
    values,
    setValues,
    set,
    errors,
    setErrors,
    formError,
    setFormError,
    showErrors,
    validate,
    showApiError,
    formRef,
    draftRestored,
    clearDraft,
  };
}

type FormProps = {
  onSubmit: () => void;
  formRef?: React.Ref<HTMLFormElement>;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
};

export function Form({ onSubmit, formRef, error, children, className, ...aria }: FormProps) {
  return (
    <form
      ref={formRef}
      noValidate
      className={["form", className].filter(Boolean).join(" ")}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      {...aria}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {children}
    </form>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
