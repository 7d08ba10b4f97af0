import { z } from 'zod';
import { DIVISION_CODES, STAFF_ROLES } from '../domain/enums';

// Field schemas reused by the till API and the server API.
export const Id = z.string().uuid({ message: 'must be an id' });
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, { message: 'must be 2 to 32 letters, digits, dots or dashes' });
export const Pin = z.string().regex(/^\d{4,8}$/, { message: 'must be 4 to 8 digits' });

export const Division = z.object({
  id: Id,
  code: z.enum(DIVISION_CODES),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  taxNumber: z.string().nullable(),
});
export type Division = z.infer<typeof Division>;

export const StaffMember = z.object({
  id: Id,
  username: Username,
  fullName: z.string(),
  role: z.enum(STAFF_ROLES),
  businessId: Id.nullable(),
});
export type StaffMember = z.infer<typeof StaffMember>;

type BusinessRow = Omit<Division, 'code'> & { code: string };

/** A business row as a Division, or null when it is the umbrella or an unknown code. */
export function toDivision(row: BusinessRow | undefined): Division | null {
  const code = DIVISION_CODES.find((c) => c === row?.code);
  if (!row || !code) return null;
  return {
    id: row.id,
    code,
    name: row.name,
    address: row.address,
    phone: row.phone,
    taxNumber: row.taxNumber,
  };
}
