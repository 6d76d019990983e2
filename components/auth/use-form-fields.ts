import { useState, type ChangeEvent } from "react";
import type { z } from "zod";

type FieldErrors<Name extends string> = Partial<Record<Name, string>>;

/**
 * Controlled text fields plus client-side validation with the same zod schemas the API uses, so
 * a person sees the server's wording before a request is even sent.
 */
export function useFormFields<Values extends Record<string, string>>(initial: Values) {
  type Name = keyof Values & string;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<Name>>({});

  function setValue(name: Name, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
  }

  /** Props for an input bound to `name`; `sanitize` cleans what is typed or pasted. */
  function field(name: Name, sanitize?: (value: string) => string) {
    return {
      name,
      value: values[name],
      error: errors[name],
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        setValue(name, sanitize ? sanitize(event.target.value) : event.target.value),
    };
  }

  /** Parses the current values; on failure shows one message per field and focuses the first bad input. */
  function validate<Schema extends z.ZodType>(schema: Schema, form: HTMLFormElement): z.output<Schema> | null {
    const result = schema.safeParse(values);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: FieldErrors<Name> = {};
    for (const issue of result.error.issues) {
      const name = issue.path[0];
      if (typeof name === "string" && name in values) next[name as Name] ??= issue.message;
    }
    setErrors(next);
    const firstName = Object.keys(values).find((name) => name in next);
    const input = firstName ? form.elements.namedItem(firstName) : null;
    if (input instanceof HTMLElement) input.focus();
    return null;
  }

  return {
    values,
    field,
    setValue,
    validate,
    clearErrors: () => setErrors({}),
    reset: () => {
      setValues(initial);
      setErrors({});
    },
  };
}

/** For 6-digit code inputs: keeps digits only, so a pasted "123 456" still works. */
export function digitsOnly(value: string): string {
  return value.replace(/\D/g, "").slice(0, 6);
}
