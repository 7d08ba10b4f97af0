import type { ApiError } from '../../../../shared/contract/result';
import type { Currency } from '../../../../shared/money/money';
import { readableMoney } from './layby-format';

// Puts a till API refusal next to the field it concerns. The till core names fields by their
// path in the input ("tender.reference", "plan.instalments", "deposit.amountCents") and
// starts its messages with that path; forms here key their fields by the path's last part,
// so one form serves laybys:pay and laybys:create.

export type FieldErrors<F extends string> = {
  form: string | null;
  fields: Partial<Record<F, string>>;
};

export const NO_FIELD_ERRORS: FieldErrors<never> = { form: null, fields: {} };

export function fieldErrorsFrom<F extends string>(
  error: ApiError,
  labels: Record<F, string>,
  currency: Currency,
  aliases: Readonly<Record<string, F>> = {},
): FieldErrors<F> {
  const message = readableMoney(error.message, currency);
  const path = error.field;
  const last = path?.split('.').pop() ?? '';
  const field =
    path === undefined
      ? null
      : (aliases[path] ?? aliases[last] ?? (Object.hasOwn(labels, last) ? (last as F) : null));
  if (field === null) return { form: capitalise(withoutPath(message)), fields: {} };
  const fields: Partial<Record<F, string>> = {};
  fields[field] = sentence(labels[field], message);
  return { form: null, fields };
}

// Messages that continue the field's name ("is required", "must be at least …") read as a
// sentence after its label; anything else ("there is no ZWG rate …") stands on its own.
const CONTINUES = /^(is|are|must|should|has|have|needs|was|pays|does|cannot|can't)\b/;

/** "tender.reference: is required" → "Reference is required". */
export function sentence(label: string, message: string): string {
  const bare = withoutPath(message);
  return CONTINUES.test(bare) ? `${label} ${bare}` : capitalise(bare);
}

const withoutPath = (message: string) => message.replace(/^[\w.]+: /, '');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
