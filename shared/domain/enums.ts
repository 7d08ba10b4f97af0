// Every enum of the plan, once. The drizzle schemas of both databases and the zod
// contracts are built from these lists, so a value cannot exist in one place only.

export const UNIVERSAL_CUSTOMER_TYPES = [
  'INDIVIDUAL',
  'BUSINESS',
  'EMPLOYEE',
  'USER',
  'GOVERNMENT',
  'NGO',
] as const;
export type UniversalCustomerType = (typeof UNIVERSAL_CUSTOMER_TYPES)[number];

export const CUSTOMER_ACCOUNT_STATUSES = [
  'ACTIVE',
  'INACTIVE',
  'SUSPENDED',
  'CLOSED',
  'PENDING_APPROVAL',
  'BLACKLISTED',
] as const;
export type CustomerAccountStatus = (typeof CUSTOMER_ACCOUNT_STATUSES)[number];

export const LAYBY_STATUSES = ['ACTIVE', 'COMPLETED', 'CANCELLED', 'DEFAULTED', 'ON_HOLD'] as const;
export type LaybyStatus = (typeof LAYBY_STATUSES)[number];

export const INSTALLMENT_FREQUENCIES = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'CUSTOM'] as const;
export type InstallmentFrequency = (typeof INSTALLMENT_FREQUENCIES)[number];

// What a layby fee row charges for. LATE rows carry the missed instalment's due date, which
// is what keeps the daily job from charging the same late fee twice.
export const LAYBY_FEE_KINDS = ['SERVICE', 'ADMINISTRATION', 'LATE', 'CANCELLATION'] as const;
export type LaybyFeeKind = (typeof LAYBY_FEE_KINDS)[number];

// The plan names PaymentMethod without listing it; these are the ways money arrives at a till
// in Zimbabwe (EcoCash and OneMoney are mobile money).
export const PAYMENT_METHODS = [
  'CASH',
  'CARD',
  'MOBILE_MONEY',
  'BANK_TRANSFER',
  'ACCOUNT_CREDIT',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

// The plan's CreditStatus, in its order: an application moves PENDING → UNDER_REVIEW →
// APPROVED | REJECTED; an approved line of credit is then ACTIVE, SUSPENDED or CLOSED.
export const CREDIT_STATUSES = [
  'PENDING',
  'UNDER_REVIEW',
  'APPROVED',
  'REJECTED',
  'ACTIVE',
  'SUSPENDED',
  'CLOSED',
] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

export const COMMUNICATION_TYPES = [
  'EMAIL',
  'SMS',
  'PHONE_CALL',
  'IN_PERSON',
  'WHATSAPP',
  'LETTER',
  'NOTE',
] as const;
export type CommunicationType = (typeof COMMUNICATION_TYPES)[number];

export const COMMUNICATION_CHANNELS = [
  'EMAIL',
  'SMS',
  'PHONE',
  'IN_STORE',
  'WHATSAPP',
  'POSTAL',
  'SYSTEM',
] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const COMMUNICATION_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];

export const COMMUNICATION_STATUSES = [
  'DRAFT',
  'SENT',
  'DELIVERED',
  'READ',
  'FAILED',
  'BOUNCED',
] as const;
export type CommunicationStatus = (typeof COMMUNICATION_STATUSES)[number];

export const CUSTOMER_NOTE_TYPES = [
  'GENERAL',
  'COMPLAINT',
  'COMPLIMENT',
  'CREDIT_CHECK',
  'PAYMENT_REMINDER',
  'FOLLOW_UP',
  'SPECIAL_INSTRUCTIONS',
  'WARNING',
] as const;
export type CustomerNoteType = (typeof CUSTOMER_NOTE_TYPES)[number];

export const NOTE_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type NotePriority = (typeof NOTE_PRIORITIES)[number];

export const ORDER_STATUSES = ['OPEN', 'COMPLETED', 'VOIDED', 'REFUNDED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_PAYMENT_STATUSES = ['UNPAID', 'PARTIAL', 'PAID', 'REFUNDED'] as const;
export type OrderPaymentStatus = (typeof ORDER_PAYMENT_STATUSES)[number];

export const STAFF_ROLES = [
  'CASHIER',
  'SUPERVISOR',
  'DIVISION_MANAGER',
  'CREDIT_CONTROLLER',
  'HEAD_OFFICE_ADMIN',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// Business types of the plan's feature matrix, each with the short code used in numbers
// (CLO-CUST-000001, LAY-CLO-000001).
export const DIVISION_CODES = ['GRO', 'RST', 'CLO', 'HWR', 'CON'] as const;
export type DivisionCode = (typeof DIVISION_CODES)[number];

export const BUSINESS_KINDS = ['UMBRELLA', 'DIVISION'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

// Kinds of human number leased to tills in blocks (ARCHITECTURE.md: never renumber after printing).
export const NUMBER_SERIES = [
  'CUSTOMER',
  'DIVISION_ACCOUNT',
  'LAYBY',
  'RECEIPT',
  'CREDIT_APPLICATION',
  'STATEMENT',
  'ORDER',
] as const;
export type NumberSeries = (typeof NUMBER_SERIES)[number];

// A slip waiting at the till's printer. A printer fault never undoes a payment: the job stays
// PENDING (or FAILED after retries) until it prints or a supervisor dismisses it.
export const PRINT_JOB_STATUSES = ['PENDING', 'PRINTED', 'FAILED', 'DISMISSED'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];
