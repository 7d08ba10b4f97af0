import type { z } from 'zod';
import type { ApiError } from '../../../shared/contract/result';

// Puts an error next to the field it names. Contract messages are written to follow a field
// name ("must look like ABCD-1234"), and the till core prefixes them with the field's key
// ("code: must look …"); a cashier should read the label instead ("Enrollment code must …").

export type FormErrors<F extends string> = {
  form: string | null;
  fields: Partial<Record<F, string>>;
};

export const NO_ERRORS = { form: null, fields: {} } as const;

export function fieldMessage(field: string, label: string, message: string): string {
  const prefix = `${field}: `;
  const bare = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const first = bare.charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()
    ? `${label} ${bare}`
    : bare;
}

export function errorsFromApi<F extends string>(
  error: ApiError,
  labels: Record<F, string>,
): FormErrors<F> {
  const field = error.field;
  if (field !== undefined && isField(field, labels)) {
    return {
      form: null,
      fields: { [field]: fieldMessage(field, labels[field], error.message) } as Partial<
        Record<F, string>
      >,
    };
  }
  return { form: error.message, fields: {} };
}

/** Every bad field at once, so a cashier fixes the form in one pass. */
export function errorsFromZod<F extends string>(
  error: z.ZodError,
  labels: Record<F, string>,
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  let form: string | null = null;
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (isField(key, labels)) fields[key] ??= fieldMessage(key, labels[key], issue.message);
    else form ??= issue.message;
  }
  return { form, fields };
}

function isField<F extends string>(key: string, labels: Record<F, string>): key is F {
  return Object.hasOwn(labels, key);
}
