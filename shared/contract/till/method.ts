import { z } from 'zod';
import type { Permission } from '../../domain/staff/permissions';

// One till API method: its input and output schema and the permission the till core checks
// before running it.
export type MethodSpec<I extends z.ZodType, O extends z.ZodType> = {
  input: I;
  output: O;
  /** null: callable before anyone signs in (status, enrollment, sign-in itself). */
  permission: Permission | null;
};

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

export const Empty = z.object({}).strict();
