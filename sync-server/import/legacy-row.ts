import { z } from 'zod';
import {
  CalendarDate,
  Email,
  NationalIdField,
  nullable,
  Phone,
  text,
} from '../../shared/domain/customers/fields';
import { MoneyError, parseMoney, type Currency } from '../../shared/money/money';

// One row of a division's old BusinessCustomer export, parsed with the same field rules as a
// till form, so an imported customer is stored exactly as if a cashier had typed it.

export const LEGACY_COLUMNS = [
  'customerNumber',
  'name',
  'firstName',
  'lastName',
  'phone',
  'email',
  'nationalId',
  'address',
  'city',
  'dateOfBirth',
  'loyaltyPoints',
  'totalSpent',
  'createdAt',
] as const;

const blank = (value: unknown) => (value === '' ? null : value);

/** 14/07/1990 (how Zimbabwe writes dates) or 1990-07-14. */
const LegacyDate = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value.replace(
          /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
          (_, d: string, m: string, y: string) =>
            `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
        )
      : value,
  CalendarDate,
);

const Instant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'must be a date or timestamp' })
  .transform((value) => new Date(value).toISOString());

export function legacyRowSchema(currency: Currency) {
  return z
    .object({
      customerNumber: z
        .string({ message: 'is required' })
        .trim()
        .min(1, { message: 'is required' })
        .max(40),
      name: z.preprocess(blank, nullable(text(160))),
      firstName: z.preprocess(blank, nullable(text(80))),
      lastName: z.preprocess(blank, nullable(text(80))),
      phone: Phone,
      email: z.preprocess(blank, nullable(Email)),
      nationalId: z.preprocess(blank, nullable(NationalIdField)),
      address: z.preprocess(blank, nullable(text(200))),
      city: z.preprocess(blank, nullable(text(80))),
      dateOfBirth: z.preprocess(blank, LegacyDate.nullable()),
      loyaltyPoints: z.preprocess(
        blank,
        z.coerce
          .number({ message: 'must be a whole number' })
          .int({ message: 'must be a whole number' })
          .min(0, { message: 'must not be negative' })
          .nullable(),
      ),
      totalSpent: z.preprocess(
        blank,
        z
          .string()
          .transform((value, ctx) => {
            try {
              return parseMoney(value, currency).cents;
            } catch (error) {
              ctx.addIssue({
                code: 'custom',
                message:
                  error instanceof MoneyError ? 'must be an amount such as 1234.50' : String(error),
              });
              return z.NEVER;
            }
          })
          .nullable(),
      ),
      createdAt: z.preprocess(blank, Instant.nullable()),
    })
    .superRefine((row, ctx) => {
      if (!row.name && !(row.firstName && row.lastName)) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: 'is required (or firstName and lastName)',
        });
      }
    });
}

export type LegacyRow = z.output<ReturnType<typeof legacyRowSchema>>;
