import { z } from 'zod';
import { PAYMENT_METHODS } from '../enums';
import { CURRENCIES } from '../../money/money';

// What each slip says, as typed data. A money transaction builds one of these and queues it
// (enqueuePrint) in the same SQLite transaction; the document is laid out only when it
// prints, for whatever paper the till has then. Stored as JSON, so money is integer cents.

const Text = (max: number) => z.string().max(max);
const Name = Text(200);
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

export const MoneyAmount = z.object({
  cents: z
    .number()
    .int()
    .min(-(2 ** 51 - 1))
    .max(2 ** 51 - 1),
  currency: z.enum(CURRENCIES),
});
export type MoneyAmount = z.infer<typeof MoneyAmount>;

export const ReceiptStore = z.object({
  /** Division name as customers know it, e.g. "Unitill Clothing". */
  name: Name,
  code: Text(10),
  address: Name.nullable(),
  phone: Text(60).nullable(),
  taxNumber: Text(60).nullable(),
});

const Header = {
  store: ReceiptStore,
  till: z.object({ id: Text(60), name: Name }),
  cashier: z.object({ name: Name }),
  issuedAt: IsoDateTime,
  receiptNumber: Text(40).min(1),
};

export const ReceiptCustomer = z.object({ number: Text(40), name: Name });
export type ReceiptCustomer = z.infer<typeof ReceiptCustomer>;

export const Tender = z.object({
  method: z.enum(PAYMENT_METHODS),
  amount: MoneyAmount,
  /** Card approval code, EcoCash / OneMoney transaction id, bank reference. */
  reference: Text(80).nullable().default(null),
  /** EcoCash, OneMoney, Visa … */
  provider: Text(40).nullable().default(null),
  /** Cash handed over, when more than the amount. */
  tendered: MoneyAmount.nullable().default(null),
  change: MoneyAmount.nullable().default(null),
  /** Paid in the other currency: head office's rate (from → to, × 1,000,000) and what it came to. */
  exchange: z
    .object({
      from: z.enum(CURRENCIES),
      to: z.enum(CURRENCIES),
      rateMicros: z.number().int().positive(),
      converted: MoneyAmount,
    })
    .nullable()
    .default(null),
});
export type Tender = z.infer<typeof Tender>;

export const ReceiptItem = z.object({
  description: Text(300),
  sku: Text(60).nullable().default(null),
  /** Thousandths, so 1.5 m of fabric is exact. */
  quantityMilli: z.number().int().positive(),
  unitPrice: MoneyAmount,
  amount: MoneyAmount,
});
export type ReceiptItem = z.infer<typeof ReceiptItem>;

const Due = z.object({ date: IsoDate, amount: MoneyAmount });
const Paragraphs = z.array(Text(2000)).max(40);
const Items = z.array(ReceiptItem).max(500);
const Tenders = z.array(Tender).max(10);

export const LaybyAgreementReceipt = z.object({
  kind: z.literal('LAYBY_AGREEMENT'),
  ...Header,
  customer: ReceiptCustomer,
  laybyNumber: Text(40),
  items: Items,
  total: MoneyAmount,
  depositRequired: MoneyAmount,
  depositPercentBp: z.number().int().min(0).max(10_000),
  schedule: z.array(Due).max(120),
  finalDueDate: IsoDate,
  terms: Paragraphs,
  cancellationPolicy: Paragraphs,
});

export const LaybyPaymentReceipt = z.object({
  kind: z.literal('LAYBY_PAYMENT'),
  ...Header,
  paymentType: z.enum(['DEPOSIT', 'INSTALMENT', 'FINAL']),
  customer: ReceiptCustomer,
  laybyNumber: Text(40),
  tenders: Tenders,
  amountPaid: MoneyAmount,
  laybyTotal: MoneyAmount,
  totalPaid: MoneyAmount,
  balance: MoneyAmount,
  nextDue: Due.nullable(),
});

export const LaybyCancellationReceipt = z.object({
  kind: z.literal('LAYBY_CANCELLATION'),
  ...Header,
  customer: ReceiptCustomer,
  laybyNumber: Text(40),
  reason: Text(500),
  laybyTotal: MoneyAmount,
  totalPaid: MoneyAmount,
  cancellationFee: MoneyAmount,
  refundDue: MoneyAmount,
  /** How the refund was paid out now; empty when it is paid later. */
  refundTenders: Tenders,
});

export const LaybyCollectionReceipt = z.object({
  kind: z.literal('LAYBY_COLLECTION'),
  ...Header,
  customer: ReceiptCustomer,
  laybyNumber: Text(40),
  items: Items,
  laybyTotal: MoneyAmount,
  totalPaid: MoneyAmount,
  /** Who took the goods, when not the customer in person. */
  collectedBy: Name.nullable(),
  collectorIdNumber: Text(40).nullable(),
});

export const RefundReceipt = z.object({
  kind: z.literal('REFUND'),
  ...Header,
  customer: ReceiptCustomer.nullable(),
  originalReceiptNumber: Text(40),
  /** The layby or account the refund belongs to, if any. */
  reference: z.object({ label: Text(20), number: Text(40) }).nullable(),
  reason: Text(500),
  items: Items,
  total: MoneyAmount,
  refundTenders: Tenders,
});

export const AccountPaymentReceipt = z.object({
  kind: z.literal('ACCOUNT_PAYMENT'),
  ...Header,
  customer: ReceiptCustomer,
  accountNumber: Text(40),
  tenders: Tenders,
  amountPaid: MoneyAmount,
  previousBalance: MoneyAmount,
  /** What the customer still owes on the account after this payment. */
  balance: MoneyAmount,
  nextDue: Due.nullable(),
});

export const SaleReceipt = z.object({
  kind: z.literal('SALE'),
  ...Header,
  customer: ReceiptCustomer.nullable(),
  items: Items,
  subtotal: MoneyAmount,
  discount: MoneyAmount.nullable(),
  /** VAT included in the total (prices in Zimbabwe are VAT-inclusive). */
  vat: z.object({ rateBp: z.number().int().min(0).max(10_000), amount: MoneyAmount }).nullable(),
  total: MoneyAmount,
  tenders: Tenders,
});

export const TestPrintReceipt = z.object({
  kind: z.literal('TEST_PRINT'),
  ...Header,
  printer: z.object({
    type: Text(20),
    interface: Text(200),
    width: z.number().int(),
    characterSet: Text(40),
    cashDrawer: z.boolean(),
  }),
  /** The supervisor asked this test to kick the drawer, to check its cable. */
  openDrawer: z.boolean().default(false),
});

export const ReceiptData = z.discriminatedUnion('kind', [
  LaybyAgreementReceipt,
  LaybyPaymentReceipt,
  LaybyCancellationReceipt,
  LaybyCollectionReceipt,
  RefundReceipt,
  AccountPaymentReceipt,
  SaleReceipt,
  TestPrintReceipt,
]);
export type ReceiptData = z.infer<typeof ReceiptData>;
export type ReceiptDataInput = z.input<typeof ReceiptData>;
export type ReceiptKind = ReceiptData['kind'];
export type ReceiptOf<K extends ReceiptKind> = Extract<ReceiptData, { kind: K }>;

/** How a slip that is not the original says so, on the slip itself. */
export const CopyMark = z.object({
  label: z.enum(['REPRINT', 'COPY']),
  at: IsoDateTime,
  by: Name,
});
export type CopyMark = z.infer<typeof CopyMark>;
