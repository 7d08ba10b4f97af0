import { z } from 'zod';
import type { Permission } from '../domain/staff/permissions';
import { Division, Pin, StaffMember, Username } from './common';

// The till API: one entry per `area:verb` method, each with its input and output schema and
// the permission the till core checks before running it. Electron exposes these one IPC
// channel per method; browser mode serves them over HTTP. The renderer cannot tell which.

type MethodSpec<I extends z.ZodType, O extends z.ZodType> = {
  input: I;
  output: O;
  /** null: callable before anyone signs in (status, enrollment, sign-in itself). */
  permission: Permission | null;
};

const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;
const Empty = z.object({}).strict();

export const TillStatus = z.object({
  enrolled: z.boolean(),
  tillId: z.string().nullable(),
  tillName: z.string().nullable(),
  division: Division.nullable(),
  serverUrl: z.string().nullable(),
  staffCount: z.number().int(),
  lastSyncAt: z.string().nullable(),
  serverReachable: z.boolean(),
});
export type TillStatus = z.infer<typeof TillStatus>;

export const SessionInfo = z.object({
  staff: StaffMember,
  signedInAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const tillApi = {
  'till:status': method({ input: Empty, output: TillStatus, permission: null }),
  'till:enroll': method({
    input: z.object({
      serverUrl: z.string().url({ message: 'must be a URL such as http://head-office:4300' }),
      code: z.string().trim().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, { message: 'must look like ABCD-1234' }),
      tillName: z.string().trim().min(1, { message: 'is required' }).max(60),
    }),
    output: TillStatus,
    permission: null,
  }),
  'session:signIn': method({
    input: z.object({ username: Username, pin: Pin }),
    output: SessionInfo,
    permission: null,
  }),
  'session:current': method({ input: Empty, output: SessionInfo.nullable(), permission: null }),
  'session:signOut': method({ input: Empty, output: z.object({}), permission: null }),
} as const;

export type TillApi = typeof tillApi;
export type TillMethod = keyof TillApi;
export type TillInput<M extends TillMethod> = z.input<TillApi[M]['input']>;
export type TillOutput<M extends TillMethod> = z.output<TillApi[M]['output']>;
export const TILL_METHODS = Object.keys(tillApi) as TillMethod[];
