import type { Currency } from '../../../money/money';
import type { MoneyAmount, ReceiptData, ReceiptOf } from '../receipt-data';

// Receipt data builders for tests and the benchmark: realistic values, overridable per test.

export const usd = (cents: number): MoneyAmount => ({ cents, currency: 'USD' });
export const zig = (cents: number): MoneyAmount => ({ cents, currency: 'ZWG' });
export const amountIn = (cents: number, currency: Currency): MoneyAmount => ({ cents, currency });

const header = {
  store: {
    name: 'Unitill Clothing',
    code: 'CLO',
    address: '45 Samora Machel Avenue, Harare',
    phone: '+263 242 700 100',
    taxNumber: '10023456',
  },
  till: { id: '01920000-0000-7000-8000-00000000aa01', name: 'Front counter 1' },
  cashier: { name: 'Rutendo Chikore' },
  issuedAt: '2025-03-12T12:05:00.000Z',
  receiptNumber: 'R-CLO-01-000123',
};

const customer = { number: 'CLO-CUST-000045', name: 'Chipo Ndlovu' };

export function laybyPayment(
  overrides: Partial<ReceiptOf<'LAYBY_PAYMENT'>> = {},
): ReceiptOf<'LAYBY_PAYMENT'> {
  return {
    kind: 'LAYBY_PAYMENT',
    ...header,
    paymentType: 'INSTALMENT',
    customer,
    laybyNumber: 'LAY-CLO-000012',
    tenders: [
      {
        method: 'CASH',
        amount: usd(5000),
        reference: null,
        provider: null,
        tendered: usd(6000),
        change: usd(1000),
        exchange: null,
      },
    ],
    amountPaid: usd(5000),
    laybyTotal: usd(24_000),
    totalPaid: usd(14_800),
    balance: usd(9200),
    nextDue: { date: '2025-04-12', amount: usd(4600) },
    ...overrides,
  };
}

export function laybyAgreement(
  overrides: Partial<ReceiptOf<'LAYBY_AGREEMENT'>> = {},
): ReceiptOf<'LAYBY_AGREEMENT'> {
  return {
    kind: 'LAYBY_AGREEMENT',
    ...header,
    customer,
    laybyNumber: 'LAY-CLO-000012',
    items: [
      {
        description: 'Ladies winter coat, charcoal, wool blend with quilted lining, size 14',
        sku: 'CLO-COAT-014',
        quantityMilli: 1000,
        unitPrice: usd(18_000),
        amount: usd(18_000),
      },
      {
        description: 'School shirt, white, long sleeve',
        sku: null,
        quantityMilli: 3000,
        unitPrice: usd(2000),
        amount: usd(6000),
      },
    ],
    total: usd(24_000),
    depositRequired: usd(4800),
    depositPercentBp: 2000,
    schedule: [
      { date: '2025-03-26', amount: usd(4800) },
      { date: '2025-04-09', amount: usd(4800) },
      { date: '2025-04-23', amount: usd(4800) },
      { date: '2025-05-07', amount: usd(4800) },
    ],
    finalDueDate: '2025-05-07',
    terms: [
      'Goods stay in the store until the layby is paid in full.',
      'Pay at least the amount due by each date. You may pay more at any time.',
    ],
    cancellationPolicy: [
      'You may cancel at any time. A fee of 10% of the layby total is kept; the rest of what you paid is refunded.',
      'A layby with no payment for 30 days after a due date may be cancelled by the store.',
    ],
    ...overrides,
  };
}

export function accountPayment(
  overrides: Partial<ReceiptOf<'ACCOUNT_PAYMENT'>> = {},
): ReceiptOf<'ACCOUNT_PAYMENT'> {
  return {
    kind: 'ACCOUNT_PAYMENT',
    ...header,
    receiptNumber: 'R-CLO-01-000124',
    customer,
    accountNumber: 'CLO-CUST-000045',
    tenders: [
      {
        method: 'MOBILE_MONEY',
        amount: zig(125_050),
        reference: 'MP250312.1405.A12345',
        provider: 'EcoCash',
        tendered: null,
        change: null,
        exchange: null,
      },
    ],
    amountPaid: zig(125_050),
    previousBalance: zig(300_000),
    balance: zig(174_950),
    nextDue: { date: '2025-04-01', amount: zig(50_000) },
    ...overrides,
  };
}

export function sale(overrides: Partial<ReceiptOf<'SALE'>> = {}): ReceiptOf<'SALE'> {
  return {
    kind: 'SALE',
    ...header,
    receiptNumber: 'R-CLO-01-000125',
    customer: null,
    items: [
      {
        description: 'Denim jeans, slim fit 32/34',
        sku: null,
        quantityMilli: 2000,
        unitPrice: usd(2250),
        amount: usd(4500),
      },
      {
        description: 'Cotton socks (3 pack)',
        sku: null,
        quantityMilli: 1000,
        unitPrice: usd(500),
        amount: usd(500),
      },
    ],
    subtotal: usd(5000),
    discount: null,
    vat: { rateBp: 1500, amount: usd(652) },
    total: usd(5000),
    tenders: [
      {
        method: 'CARD',
        amount: usd(5000),
        reference: 'AUTH 918273',
        provider: 'Visa',
        tendered: null,
        change: null,
        exchange: null,
      },
    ],
    ...overrides,
  };
}

export function laybyCancellation(
  overrides: Partial<ReceiptOf<'LAYBY_CANCELLATION'>> = {},
): ReceiptOf<'LAYBY_CANCELLATION'> {
  return {
    kind: 'LAYBY_CANCELLATION',
    ...header,
    receiptNumber: 'R-CLO-01-000126',
    customer,
    laybyNumber: 'LAY-CLO-000012',
    reason: 'Customer moving to Bulawayo',
    laybyTotal: usd(24_000),
    totalPaid: usd(14_800),
    cancellationFee: usd(2400),
    refundDue: usd(12_400),
    refundTenders: [
      {
        method: 'CASH',
        amount: usd(12_400),
        reference: null,
        provider: null,
        tendered: null,
        change: null,
        exchange: null,
      },
    ],
    ...overrides,
  };
}

export function laybyCollection(
  overrides: Partial<ReceiptOf<'LAYBY_COLLECTION'>> = {},
): ReceiptOf<'LAYBY_COLLECTION'> {
  const agreement = laybyAgreement();
  return {
    kind: 'LAYBY_COLLECTION',
    ...header,
    receiptNumber: 'R-CLO-01-000127',
    customer,
    laybyNumber: 'LAY-CLO-000012',
    items: agreement.items,
    laybyTotal: usd(24_000),
    totalPaid: usd(24_000),
    collectedBy: 'Tawanda Ndlovu',
    collectorIdNumber: '63-123456-X-42',
    ...overrides,
  };
}

export function refund(overrides: Partial<ReceiptOf<'REFUND'>> = {}): ReceiptOf<'REFUND'> {
  return {
    kind: 'REFUND',
    ...header,
    receiptNumber: 'R-CLO-01-000128',
    customer,
    originalReceiptNumber: 'R-CLO-01-000125',
    reference: null,
    reason: 'Wrong size, unworn',
    items: sale().items.slice(0, 1),
    total: usd(4500),
    refundTenders: [
      {
        method: 'CARD',
        amount: usd(4500),
        reference: 'REF 553311',
        provider: 'Visa',
        tendered: null,
        change: null,
        exchange: null,
      },
    ],
    ...overrides,
  };
}

export function testPrint(
  overrides: Partial<ReceiptOf<'TEST_PRINT'>> = {},
): ReceiptOf<'TEST_PRINT'> {
  return {
    kind: 'TEST_PRINT',
    ...header,
    receiptNumber: 'TEST-20250312-1405',
    printer: {
      type: 'epson',
      interface: 'tcp://192.168.1.50:9100',
      width: 48,
      characterSet: 'PC858_EURO',
      cashDrawer: true,
    },
    openDrawer: false,
    ...overrides,
  };
}

/** One of every kind, for tests that must hold for all slips. */
export function everyReceipt(): ReceiptData[] {
  return [
    laybyAgreement(),
    laybyPayment(),
    laybyPayment({ paymentType: 'DEPOSIT' }),
    laybyPayment({ paymentType: 'FINAL', balance: usd(0), nextDue: null }),
    laybyCancellation(),
    laybyCollection(),
    refund(),
    accountPayment(),
    sale(),
    testPrint(),
  ];
}
