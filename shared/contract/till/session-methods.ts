import { z } from 'zod';
import { Pin, StaffMember, Username } from '../common';
import { Empty, method } from './method';

export const SessionInfo = z.object({
  staff: StaffMember,
  signedInAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const sessionMethods = {
  'session:signIn': method({
    input: z.object({ username: Username, pin: Pin }),
    output: SessionInfo,
    permission: null,
  }),
  'session:current': method({ input: Empty, output: SessionInfo.nullable(), permission: null }),
  'session:signOut': method({ input: Empty, output: z.object({}), permission: null }),
  'staff:list': method({ input: Empty, output: z.array(StaffMember), permission: 'staff.view' }),
} as const;
