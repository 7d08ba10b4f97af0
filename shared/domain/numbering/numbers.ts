import type { DivisionCode } from '../enums';

// Human numbers, printed on cards and slips. The integer part comes from a block leased to
// the till (never from the server at the moment of sale); these only format it.
const pad = (n: number, width = 6) => n.toString().padStart(width, '0');

export const customerNumber = (n: number) => `UCST-${pad(n)}`;
export const divisionCustomerNumber = (code: DivisionCode, n: number) => `${code}-CUST-${pad(n)}`;
export const laybyNumber = (code: DivisionCode, n: number) => `LAY-${code}-${pad(n)}`;
export const receiptNumber = (code: DivisionCode, n: number) => `${code}-RCT-${pad(n, 8)}`;
export const creditApplicationNumber = (code: DivisionCode, n: number) => `CRA-${code}-${pad(n)}`;
export const statementNumber = (code: DivisionCode, n: number) => `STM-${code}-${pad(n)}`;
export const orderNumber = (code: DivisionCode, n: number) => `ORD-${code}-${pad(n, 8)}`;
