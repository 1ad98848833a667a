import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import {
  type DefaultValues,
  type FieldValues,
  type FieldErrors as HookFieldErrors,
  type Path,
  type PathValue,
  type Resolver,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { ApiError } from "../api.ts";
import { Button, type ButtonProps } from "./button.tsx";
import {
  discardDraft,
  type FieldErrors,
  Form,
  isStaleVersion,
  type MergeReport,
  readDraft,
  same,
  writeDraft,
} from "./form.tsx";

/**
 * The form layer every edit form is built on: react-hook-form keeps the values and the submitting
 * state, the shared zod schema (loaded with the form, not with the page) validates through the zod
 * resolver, a 400 naming a field lands under that field, and a 409 on the version shows the
 * ConflictNotice. A form never tracks "pending" itself: the submit button reads it from the form.
 */

/** The schema a submit is checked against: given at once, or loaded when the person first submits. */
export type SchemaSource<S extends z.ZodType = z.ZodType> = S | (() => S | Promise<S>);

type Options<T extends FieldValues, S extends z.ZodType> = {
  schema: SchemaSource<S>;
  /** From what the form holds to what the schema reads ("" dates to null, text to numbers…). */
  toInput?: (values: T) => unknown;
  /** Keeps what was typed in this tab until it is saved. */
  draftKey?: string;
  /** The edited record's version, as loaded; `form.version` is what a save sends back. */
  version?: number;
  /** The names a 400 may give that this form shows under a field (its own keys, by default). */
  serverFields?: (values: T) => readonly string[];
};

type DraftBase<T> = { values: T; version: number };

/** Dotted keys ("lanes.0"), first message each: what the field components show. */
function flatten(errors: HookFieldErrors, prefix = "", into: FieldErrors = {}): FieldErrors {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ("message" in value && typeof value.message === "string") {
      if (!into[path]) into[path] = value.message;
    } else if (key !== "ref") {
      flatten(value as HookFieldErrors, path, into);
    }
  }
  return into;
}

// A form may name a value after the input path it feeds ("skipJob.targetYear"); react-hook-form would
// read the dot as nesting, so such keys are stored with the dot swapped and read back with it.
const encode = (key: string) => key.replaceAll(".", "__");
function encodeKeys<T extends FieldValues>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [encode(key), value])) as T;
}
function decodeKeys<T extends FieldValues>(values: FieldValues): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key.replaceAll("__", "."), value]),
  ) as T;
}

async function loadSchema<S extends z.ZodType>(source: SchemaSource<S>): Promise<S> {
  return "safeParse" in source ? source : await source();
}

export function useSchemaForm<T extends FieldValues, S extends z.ZodType>(
  initial: T,
  options: Options<T, S>,
) {
  type Out = z.output<S>;
  const { draftKey } = options;
  const baseKey = draftKey ? `${draftKey}:base` : undefined;
  const [restored] = useState(() => (draftKey ? readDraft<T>(draftKey) : undefined));
  const [restoredBase] = useState(() => (restored && baseKey ? readDraft<DraftBase<T>>(baseKey) : undefined));
  const [draftRestored, setDraftRestored] = useState(Boolean(restored));
  const [formError, setFormError] = useState<ReactNode>(null);
  const [base, setBase] = useState<T>(() => restoredBase?.values ?? initial);
  const [version, setVersion] = useState<number>(() => restoredBase?.version ?? options.version ?? 0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeReport<T> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The latest schema and mapping, read at submit time (a form may switch schema, as the two-factor
  // page does between a code and a recovery code).
  const latest = useRef(options);
  latest.current = options;
  const resolver = useMemo<Resolver<T, unknown, Out>>(
    () => async (values, context, resolverOptions) => {
      const { schema, toInput } = latest.current;
      const [{ zodResolver }, loaded] = await Promise.all([
        import("@hookform/resolvers/zod"),
        loadSchema(schema),
      ]);
      const plain = decodeKeys<T>(values);
      const input = toInput ? toInput(plain) : plain;
      // biome-ignore lint/suspicious/noExplicitAny: the resolver is typed per schema; this one is generic.
      const check = zodResolver(loaded as any) as unknown as Resolver<T, unknown, Out>;
      return check(input as T, context, resolverOptions);
    },
    [],
  );

  const hook = useForm<T, unknown, Out>({
    defaultValues: encodeKeys(restored ? { ...initial, ...restored } : initial) as DefaultValues<T>,
    resolver,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const values = decodeKeys<T>(hook.watch());
  const errors = flatten(hook.formState.errors);

  // The record moved on (another part of the page saved it, or a refetch) without touching what this
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

  const { setValue, clearErrors, setError } = hook;
  const getValues = useCallback(() => decodeKeys<T>(hook.getValues()), [hook.getValues]);
  const set = useCallback(
    <K extends keyof T & string>(key: K, value: T[K]) => {
      setValue(encode(key) as Path<T>, value as PathValue<T, Path<T>>, { shouldDirty: true });
      clearErrors(key as unknown as Path<T>);
      if (draftKey) writeDraft(draftKey, getValues());
      rememberBase({ values: base, version });
    },
    [setValue, clearErrors, getValues, draftKey, rememberBase, base, version],
  );

  const setValues = useCallback(
    (next: T) => {
      for (const key of Object.keys(next)) {
        setValue(encode(key) as Path<T>, next[key as keyof T] as PathValue<T, Path<T>>);
      }
    },
    [setValue],
  );

  /** Binds one field component: `<TextField label="Title" {...form.field("title")} />`. */
  const field = <K extends keyof T & string>(key: K) => ({
    name: key,
    value: values[key] as T[K] & string,
    onValueChange: (value: string) => set(key, value as T[K]),
    error: errors[key],
  });

  const clearDraft = useCallback(() => {
    if (draftKey) discardDraft(draftKey);
    setDraftRestored(false);
  }, [draftKey]);

  const markSaved = useCallback((savedVersion: number, savedValues?: T) => {
    setVersion(savedVersion);
    setBase((current) => savedValues ?? current);
    setConflict(null);
    setMerged(null);
  }, []);

  const resolveConflict = useCallback(
    (latestRecord: { values: T; version: number }) => {
      const current = getValues();
      const adopted: (keyof T)[] = [];
      const kept: (keyof T)[] = [];
      const next = { ...current };
      for (const key of Object.keys(latestRecord.values) as (keyof T)[]) {
        const theirs = latestRecord.values[key];
        if (same(theirs, base[key])) continue;
        if (same(current[key], base[key])) {
          next[key] = theirs;
          adopted.push(key);
        } else if (!same(current[key], theirs)) {
          kept.push(key);
        }
      }
      setValues(next);
      if (draftKey) writeDraft(draftKey, next);
      setBase(latestRecord.values);
      setVersion(latestRecord.version);
      setConflict(null);
      setMerged({ adopted, kept, latest: latestRecord.values, version: latestRecord.version });
      rememberBase({ values: latestRecord.values, version: latestRecord.version });
    },
    [getValues, base, setValues, draftKey, rememberBase],
  );

  // Errors reach the fields a render or more after a submit is refused (the schema may still be on its
  // way), so focus moves once the first field is drawn as invalid, not at a guessed moment.
  const focusPending = useRef(false);
  const [, setFocusRequests] = useState(0);
  const focusFirstError = useCallback((hasFieldErrors = true) => {
    focusPending.current = hasFieldErrors;
    if (hasFieldErrors) setFocusRequests((count) => count + 1);
  }, []);
  useEffect(() => {
    if (!focusPending.current) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    focusPending.current = false;
    invalid.focus();
  });

  /** Field errors (and a message above the form), as a check on the page would give them. */
  const showErrors = useCallback(
    (fieldErrors: FieldErrors, message?: ReactNode) => {
      clearErrors();
      for (const [key, text] of Object.entries(fieldErrors)) {
        if (text) setError(key as Path<T>, { type: "server", message: text });
      }
      setFormError(message ?? null);
      focusFirstError(Object.values(fieldErrors).some(Boolean));
    },
    [clearErrors, setError, focusFirstError],
  );

  /** A 400 naming a field of this form goes under it; a stale version is a conflict; the rest above. */
  const showApiError = useCallback(
    (error: unknown, knownFields?: readonly string[]) => {
      const known = knownFields ?? latest.current.serverFields?.(getValues()) ?? Object.keys(getValues());
      if (isStaleVersion(error)) {
        clearErrors();
        setFormError(null);
        setMerged(null);
        setConflict(error.message);
        return;
      }
      if (
        error instanceof ApiError &&
        error.field &&
        (known.includes(error.field) || known.includes(error.field.split(".")[0] ?? ""))
      ) {
        showErrors({ [error.field]: error.message });
        return;
      }
      showErrors({}, error instanceof Error ? error.message : "Something went wrong. Please try again.");
    },
    [getValues, clearErrors, showErrors],
  );

  /** The submit handler: checks with the schema, then runs `save` with the parsed input. */
  const onSubmit = useCallback(
    (save: (input: Out) => unknown) =>
      hook.handleSubmit(
        async (input) => {
          setFormError(null);
          try {
            await save(input);
          } catch (error) {
            showApiError(error);
          }
        },
        (invalid) => {
          const flat = flatten(invalid);
          const root = flat.root ?? flat[""];
          setFormError(root ?? null);
          focusFirstError();
        },
      ),
    [hook.handleSubmit, showApiError, focusFirstError],
  );

  return {
    hook,
    values,
    set,
    setValues,
    field,
    errors,
    formError,
    setFormError,
    showErrors,
    showApiError,
    onSubmit,
    pending: hook.formState.isSubmitting,
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

export type SchemaForm<T extends FieldValues, S extends z.ZodType> = ReturnType<typeof useSchemaForm<T, S>>;

const PendingContext = createContext(false);

/**
 * A form driven by `useSchemaForm`: submitting validates with the schema and runs `onSave` with the
 * parsed input; an error thrown by `onSave` (an API error) lands under its field or above the form.
 */
type SubmittableForm<Out> = {
  onSubmit: (save: (input: Out) => unknown) => (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  formRef: React.RefObject<HTMLFormElement>;
  formError: ReactNode;
};

export function ValidatedForm<Out>({
  form,
  onSave,
  children,
  className,
  onFocus,
  ...aria
}: {
  form: SubmittableForm<Out>;
  onSave: (input: Out) => unknown;
  children: ReactNode;
  className?: string;
  onFocus?: () => void;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}) {
  return (
    <PendingContext.Provider value={form.pending}>
      <Form
        onSubmit={() => void form.onSubmit(onSave)()}
        onFocus={onFocus}
        formRef={form.formRef}
        error={form.formError}
        className={className}
        {...aria}
      >
        {children}
      </Form>
    </PendingContext.Provider>
  );
}

/** The form's submit button: busy, with a spinner, while the form is being checked and saved. */
export function SubmitButton(props: Omit<ButtonProps, "type" | "pending">) {
  const pending = useContext(PendingContext);
  return <Button type="submit" pending={pending} {...props} />;
}
