import type { FormEvent, ReactNode } from "react";
import { ApiError } from "../api.ts";
import { Alert } from "./alert.tsx";

export type FieldErrors = Record<string, string | undefined>;

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
