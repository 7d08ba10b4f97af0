import { z } from 'zod';
import { Division, Id, Pin, StaffMember, Username } from './common';

// Bodies of the sync server's HTTP API that tills and head office call.

export const PROTOCOL_VERSION = 1;

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['postgres', 'pglite']),
  protocolVersion: z.number().int(),
  time: z.string(),
});

export const LoginRequest = z.object({ username: Username, pin: Pin });
export const LoginResponse = z.object({
  token: z.string(),
  staff: StaffMember,
  expiresAt: z.string(),
});

export const EnrollmentCodeRequest = z.object({ divisionId: Id });
export const EnrollmentCodeResponse = z.object({
  code: z.string(),
  divisionId: Id,
  expiresAt: z.string(),
});

export const EnrollRequest = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, { message: 'must look like ABCD-1234' }),
  tillName: z.string().trim().min(1).max(60),
  tillId: Id,
  protocolVersion: z.number().int(),
});
export const EnrollResponse = z.object({ tillId: Id, deviceToken: z.string(), division: Division });

/** Staff as a till stores them: with the PIN hash, so sign-in works offline. */
export const TillStaff = StaffMember.extend({ pinHash: z.string(), isActive: z.boolean() });
export type TillStaff = z.infer<typeof TillStaff>;

export const BootstrapResponse = z.object({
  division: Division,
  staff: z.array(TillStaff),
});
export type BootstrapResponse = z.infer<typeof BootstrapResponse>;
