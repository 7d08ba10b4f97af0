import { pgEnum } from 'drizzle-orm/pg-core';
import * as E from '../../../shared/domain/enums';

// PostgreSQL enum types, built from the one list of each enum in shared/domain/enums.ts.
export const universalCustomerType = pgEnum('universal_customer_type', E.UNIVERSAL_CUSTOMER_TYPES);
export const customerAccountStatus = pgEnum('customer_account_status', E.CUSTOMER_ACCOUNT_STATUSES);
export const laybyStatus = pgEnum('layby_status', E.LAYBY_STATUSES);
export const installmentFrequency = pgEnum('installment_frequency', E.INSTALLMENT_FREQUENCIES);
export const laybyFeeKind = pgEnum('layby_fee_kind', E.LAYBY_FEE_KINDS);
export const paymentMethod = pgEnum('payment_method', E.PAYMENT_METHODS);
export const creditStatus = pgEnum('credit_status', E.CREDIT_STATUSES);
export const communicationType = pgEnum('communication_type', E.COMMUNICATION_TYPES);
export const communicationChannel = pgEnum('communication_channel', E.COMMUNICATION_CHANNELS);
export const communicationDirection = pgEnum('communication_direction', E.COMMUNICATION_DIRECTIONS);
export const communicationStatus = pgEnum('communication_status', E.COMMUNICATION_STATUSES);
export const customerNoteType = pgEnum('customer_note_type', E.CUSTOMER_NOTE_TYPES);
export const notePriority = pgEnum('note_priority', E.NOTE_PRIORITIES);
export const orderStatus = pgEnum('order_status', E.ORDER_STATUSES);
export const orderPaymentStatus = pgEnum('order_payment_status', E.ORDER_PAYMENT_STATUSES);
export const staffRole = pgEnum('staff_role', E.STAFF_ROLES);
export const businessKind = pgEnum('business_kind', E.BUSINESS_KINDS);
export const numberSeries = pgEnum('number_series', E.NUMBER_SERIES);
