import type { StaffRole } from '../../shared/domain/enums';
import { can, type Permission } from '../../shared/domain/staff/permissions';
import { AppError } from '../../shared/contract/result';

// Who is calling: a staff member signed in at head office, or an enrolled till.
export type StaffPrincipal = {
  kind: 'staff';
  userId: string;
  username: string;
  role: StaffRole;
  businessId: string | null;
};
export type TillPrincipal = { kind: 'till'; tillId: string; businessId: string; name: string };
export type Principal = StaffPrincipal | TillPrincipal;

declare module 'fastify' {
  // Interface merging is the one way to add a typed property to Fastify's request.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function requireStaff(principal: Principal | null, permission: Permission): StaffPrincipal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  if (principal.kind !== 'staff')
    throw new AppError('FORBIDDEN', 'This needs a staff sign-in, not a till.');
  if (!can(principal.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role may not do this (${permission}).`);
  }
  return principal;
}

export function requireTill(principal: Principal | null): TillPrincipal {
  if (!principal)
    throw new AppError(
      'UNAUTHENTICATED',
      'This till is not enrolled or its credential was revoked.',
    );
  if (principal.kind !== 'till')
    throw new AppError('FORBIDDEN', 'Only an enrolled till may call this.');
  return principal;
}
