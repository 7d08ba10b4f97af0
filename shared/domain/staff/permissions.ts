import type { StaffRole } from '../enums';

// What each role may do. Checked by the till core and the server on every call, not only
// hidden in the UI. Higher roles include the powers of the cashier.
export const PERMISSIONS = {
  'session.use': [
    'CASHIER',
    'SUPERVISOR',
    'DIVISION_MANAGER',
    'CREDIT_CONTROLLER',
    'HEAD_OFFICE_ADMIN',
  ],
  'staff.view': ['SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  'customer.read': [
    'CASHIER',
    'SUPERVISOR',
    'DIVISION_MANAGER',
    'CREDIT_CONTROLLER',
    'HEAD_OFFICE_ADMIN',
  ],
  'customer.write': [
    'CASHIER',
    'SUPERVISOR',
    'DIVISION_MANAGER',
    'CREDIT_CONTROLLER',
    'HEAD_OFFICE_ADMIN',
  ],
  'customer.blacklist': ['SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  // Soft delete: deactivates the identity with a reason; money and history stay.
  'customer.delete': ['SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  // Linking a customer to a staff login or an employee record grants staff prices.
  'customer.link': ['DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  'customer.merge': ['HEAD_OFFICE_ADMIN'],
  // An alert note shows to every cashier who opens the customer.
  'customer.alert': ['SUPERVISOR', 'DIVISION_MANAGER', 'CREDIT_CONTROLLER', 'HEAD_OFFICE_ADMIN'],
  // Suspending or closing a division account stops its laybys and credit.
  'account.status': ['SUPERVISOR', 'DIVISION_MANAGER', 'CREDIT_CONTROLLER', 'HEAD_OFFICE_ADMIN'],
  'layby.take': ['CASHIER', 'SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  'layby.cancel': ['SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  // Hold and resume a layby, accept less than the instalment due, release when the division
  // reserves release for supervisors.
  'layby.supervise': ['SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  // The layby status report: a division manager their division, head office all of them.
  'layby.report': ['DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  'credit.review': ['CREDIT_CONTROLLER', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  'settings.division': ['DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  // Which printer a till uses, its paper and code page, whether it opens the cash drawer.
  'printer.configure': ['SUPERVISOR', 'DIVISION_MANAGER', 'HEAD_OFFICE_ADMIN'],
  'till.enroll': ['HEAD_OFFICE_ADMIN'],
  'headoffice.admin': ['HEAD_OFFICE_ADMIN'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  CASHIER: 'Cashier',
  SUPERVISOR: 'Supervisor',
  DIVISION_MANAGER: 'Division manager',
  CREDIT_CONTROLLER: 'Credit controller',
  HEAD_OFFICE_ADMIN: 'Head-office admin',
};
