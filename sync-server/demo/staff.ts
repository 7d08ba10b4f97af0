import type { DivisionCode, StaffRole } from '../../shared/domain/enums';
import { DEMO_DIVISIONS } from './divisions';
import { fixedId } from './fixed-ids';

// The demo sign-ins printed in the README. Usernames and PINs are predictable on purpose:
// <division>.<role> with one PIN per role, and `admin` for head office.

export type DemoStaff = {
  id: string;
  gender: 'MALE' | 'FEMALE';
  employeeId: string;
  employeeNumber: string;
  username: string;
  fullName: string;
  email: string;
  role: StaffRole;
  jobTitle: string;
  /** null for head office, which sees every division. */
  businessId: string | null;
  divisionCode: DivisionCode | null;
  pin: string;
};

type DivisionRole = Exclude<StaffRole, 'HEAD_OFFICE_ADMIN'>;

export const DEMO_ROLE_LOGINS: Record<StaffRole, { suffix: string; pin: string; title: string }> = {
  CASHIER: { suffix: 'cashier', pin: '1111', title: 'Cashier' },
  SUPERVISOR: { suffix: 'supervisor', pin: '2222', title: 'Shop supervisor' },
  DIVISION_MANAGER: { suffix: 'manager', pin: '3333', title: 'Division manager' },
  CREDIT_CONTROLLER: { suffix: 'credit', pin: '4444', title: 'Credit controller' },
  HEAD_OFFICE_ADMIN: { suffix: 'admin', pin: '9999', title: 'Head-office systems administrator' },
};

const DIVISION_ROLES: readonly DivisionRole[] = [
  'CASHIER',
  'SUPERVISOR',
  'DIVISION_MANAGER',
  'CREDIT_CONTROLLER',
];

type Person = readonly [fullName: string, gender: 'MALE' | 'FEMALE'];

// Cashier, supervisor, manager, credit controller of each division.
const NAMES: Record<DivisionCode, readonly [Person, Person, Person, Person]> = {
  GRO: [
    ['Rutendo Moyo', 'FEMALE'],
    ['Tawanda Chikwanha', 'MALE'],
    ['Memory Ncube', 'FEMALE'],
    ['Farai Mutasa', 'MALE'],
  ],
  RST: [
    ['Nyasha Dube', 'FEMALE'],
    ['Sipho Ndlovu', 'MALE'],
    ['Chipo Marufu', 'FEMALE'],
    ['Tinashe Gumbo', 'MALE'],
  ],
  CLO: [
    ['Tendai Sibanda', 'FEMALE'],
    ['Thandeka Nyathi', 'FEMALE'],
    ['Blessing Mhlanga', 'MALE'],
    ['Kudakwashe Zhou', 'MALE'],
  ],
  HWR: [
    ['Tafadzwa Shumba', 'MALE'],
    ['Nkosana Mpofu', 'MALE'],
    ['Precious Chiwenga', 'FEMALE'],
    ['Tatenda Banda', 'FEMALE'],
  ],
  CON: [
    ['Sibusiso Khumalo', 'MALE'],
    ['Rumbidzai Phiri', 'FEMALE'],
    ['Themba Masuku', 'MALE'],
    ['Chiedza Hove', 'FEMALE'],
  ],
};

const ADMIN: Person = ['Tapiwa Makoni', 'MALE'];

function emailFor(fullName: string): string {
  return `${fullName.toLowerCase().replace(/\s+/g, '.')}@zambezigroup.co.zw`;
}

function divisionStaff(): DemoStaff[] {
  return DEMO_DIVISIONS.flatMap((division, d) => {
    const code = division.code;
    return DIVISION_ROLES.map((role, r): DemoStaff => {
      const n = 1 + d * DIVISION_ROLES.length + r;
      const [fullName, gender] = NAMES[code][r] ?? ADMIN;
      return {
        id: fixedId('user', n),
        gender,
        employeeId: fixedId('employee', n),
        employeeNumber: `EMP-${code}-${String(r + 1).padStart(3, '0')}`,
        username: `${code.toLowerCase()}.${DEMO_ROLE_LOGINS[role].suffix}`,
        fullName,
        email: emailFor(fullName),
        role,
        jobTitle: DEMO_ROLE_LOGINS[role].title,
        businessId: division.id,
        divisionCode: code,
        pin: DEMO_ROLE_LOGINS[role].pin,
      };
    });
  });
}

const ADMIN_NUMBER = 100;

export const DEMO_STAFF: readonly DemoStaff[] = [
  ...divisionStaff(),
  {
    id: fixedId('user', ADMIN_NUMBER),
    gender: ADMIN[1],
    employeeId: fixedId('employee', ADMIN_NUMBER),
    employeeNumber: 'EMP-GRP-001',
    username: 'admin',
    fullName: ADMIN[0],
    email: emailFor(ADMIN[0]),
    role: 'HEAD_OFFICE_ADMIN',
    jobTitle: DEMO_ROLE_LOGINS.HEAD_OFFICE_ADMIN.title,
    businessId: null,
    divisionCode: null,
    pin: DEMO_ROLE_LOGINS.HEAD_OFFICE_ADMIN.pin,
  },
];
