import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
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

export function readDraft<T>(key: string): T | undefined {
  try {
    const stored = window.sessionStorage.getItem(key);
    return stored ? (JSON.parse(stored) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, values: unknown) {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(values));
  } catch {
    // Storage may be full or switched off; the form still works, only the safety net is gone.
  }
}

/** Forgets what was typed under a draft key: a dialog closed without saving starts empty next time. */
export function discardDraft(key: string) {
  try {
    window.sessionStorage.removeItem(key);
    window.sessionStorage.removeItem(`${key}:base`);
  } catch {
    // Storage switched off: there is no draft to forget.
  }
}

// Row lists carry a React `key` made up on each load; it says nothing about what was typed.
const withoutRowKeys = (name: string, value: unknown) => (name === "key" ? undefined : value);
export const same = (a: unknown, b: unknown) =>
  JSON.stringify(a, withoutRowKeys) === JSON.stringify(b, withoutRowKeys);

/** What loading the latest version did to the form: fields taken from it, and fields kept as typed. */
export type MergeReport<T> = { adopted: (keyof T)[]; kept: (keyof T)[]; latest: T; version: number };

/** A draft remembers the version (and values) it was based on, so a restored draft is checked too. */
type DraftBase<T> = { values: T; version: number };

/**
 * Small form state: values, field errors and a form-level error. Values survive every error.
 * With a `draftKey`, what the person typed is also kept in this tab until it is saved, so a session
 * that ends mid-edit (and the sign-in that follows) loses nothing.
 *
 * With a `version` (the record's, as loaded), the form remembers what its values were based on. A save
 * sends `form.version`; a 409 on the version shows as `conflict`, and `resolveConflict` takes the latest
 * version in: fields the person did not touch take the latest values, fields they typed are kept.
 */
export function useFormState<T extends Record<string, unknown>>(
  initial: T,
  options: { draftKey?: string; version?: number } = {},
) {
  const { draftKey } = options;
  const baseKey = draftKey ? `${draftKey}:base` : undefined;
  const [restored] = useState(() => (draftKey ? readDraft<T>(draftKey) : undefined));
  const [restoredBase] = useState(() => (restored && baseKey ? readDraft<DraftBase<T>>(baseKey) : undefined));
  const [values, setValues] = useState<T>(() => (restored ? { ...initial, ...restored } : initial));
  const [draftRestored, setDraftRestored] = useState(Boolean(restored));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState<T>(() => restoredBase?.values ?? initial);
  const [version, setVersion] = useState<number>(() => restoredBase?.version ?? options.version ?? 0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeReport<T> | null>(null);

  // The record moved on (this page saved another part of it, or a refetch) without touching what this
  // form edits: the form is still based on the stored values, so it takes the new version silently.
  const loadedVersion = options.version;
  useEffect(() => {
    if (loadedVersion === undefined || loadedVersion <= version || conflict) return;
    if (same(initial, base)) setVersion(loadedVersion);
  }, [loadedVersion, version, conflict, initial, base]);

  const rememberBase = useCallback(
    (next: DraftBase<T>) => {
      if (baseKey) writeDraft(baseKey, next);
    },
    [baseKey],
  );

  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => {
      setValues((current) => {
        const next = { ...current, [key]: value };
        if (draftKey) writeDraft(draftKey, next);
        return next;
      });
      rememberBase({ values: base, version });
      setErrors((current) => (current[key as string] ? { ...current, [key as string]: undefined } : current));
    },
    [draftKey, rememberBase, base, version],
  );

  const clearDraft = useCallback(() => {
    if (draftKey) window.sessionStorage.removeItem(draftKey);
    if (baseKey) window.sessionStorage.removeItem(baseKey);
    setDraftRestored(false);
  }, [draftKey, baseKey]);

  /** After a save that stays on the page: the form is now based on what was saved. */
  const markSaved = useCallback((savedVersion: number, savedValues?: T) => {
    setVersion(savedVersion);
    setBase((current) => savedValues ?? current);
    setConflict(null);
    setMerged(null);
  }, []);

  /** Takes the latest version in, keeping what the person typed; the next save is based on it. */
  const resolveConflict = useCallback(
    (latest: { values: T; version: number }) => {
      const adopted: (keyof T)[] = [];
      const kept: (keyof T)[] = [];
      const next = { ...values };
      for (const key of Object.keys(latest.values) as (keyof T)[]) {
        const theirs = latest.values[key];
        if (same(theirs, base[key])) continue;
        if (same(values[key], base[key])) {
          next[key] = theirs;
          adopted.push(key);
        } else if (!same(values[key], theirs)) {
          kept.push(key);
        }
      }
      setValues(next);
      setBase(latest.values);
      setVersion(latest.version);
      setConflict(null);
      setMerged({ adopted, kept, latest: latest.values, version: latest.version });
      if (draftKey) writeDraft(draftKey, next);
      rememberBase({ values: latest.values, version: latest.version });
    },
    [values, base, draftKey, rememberBase],
  );

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
      if (isStaleVersion(error)) {
        setErrors({});
        setFormError(null);
        setMerged(null);
        setConflict(error.message);
        return;
      }
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
    version,
    conflict,
    merged,
    markSaved,
    resolveConflict,
  };
}

export type FormState<T extends Record<string, unknown>> = ReturnType<typeof useFormState<T>>;

/** A 409 on the version: the record was saved elsewhere after this page read it. */
export function isStaleVersion(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.field === "version";
}

type FormProps = {
  onSubmit: () => void;
  /** When focus first enters the form: the moment to fetch what submitting needs. */
  onFocus?: () => void;
  formRef?: React.Ref<HTMLFormElement>;
  error?: ReactNode;
  children: ReactNode;
  className?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
};

export function Form({ onSubmit, onFocus, formRef, error, children, className, ...aria }: FormProps) {
  return (
    <form
      ref={formRef}
      onFocus={onFocus}
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
