import { create } from 'zustand';
import type { ApiError } from '../../../shared/contract/result';
import type {
  LaybyPaymentResult,
  LaybyQuoteView,
  LaybyRulesView,
  ProductView,
} from '../../../shared/contract/till/layby-views';
import type { InstallmentFrequency } from '../../../shared/domain/enums';
import type { LaybyItem } from '../../../shared/domain/layby/records';
import type { Currency } from '../../../shared/money/money';
import { call } from '../api/till-client';
import { laybyBlocks } from '../screens/laybys/layby-blocks';
import { centsToInput, inputToCents, quantityToMilli } from '../screens/laybys/layby-format';
import { useSessionStore } from './session-store';

// The new layby being put together, step by step: the customer, the items, the plan, the
// deposit. The plan is quoted by the till core as it changes, so the customer sees the real
// fees and schedule before agreeing.

export type WizardStep = 'customer' | 'items' | 'plan' | 'deposit' | 'done';

export type DraftCustomer = {
  id: string;
  name: string;
  number: string;
  /** Why a layby may not be opened for this customer, in the till's words. */
  blocks: string[];
};

export type DraftLine = {
  key: number;
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: string;
  price: string;
};

export type LineField = 'description' | 'quantity' | 'price';
export type PlanDraft = {
  frequency: InstallmentFrequency;
  instalments: string;
  intervalDays: string;
};
export type QuoteInput = {
  items: LaybyItem[];
  depositCents: number | null;
  plan: { frequency: InstallmentFrequency; instalments: number; intervalDays: number | null };
};

export const QUOTE_DEBOUNCE_MS = 250;
const DEFAULT_INSTALMENTS = '4';

type DraftState = {
  step: WizardStep;
  /** Where the wizard started: a profile brings its customer, the list does not. */
  fromProfile: boolean;
  customer: DraftCustomer | null;
  customerError: string | null;
  rules: LaybyRulesView | null;
  rulesError: string | null;
  lines: DraftLine[];
  plan: PlanDraft;
  deposit: string;
  /** False while the deposit follows the quote's minimum. */
  depositTouched: boolean;
  quote: LaybyQuoteView | null;
  /** The inputs the shown quote was worked out from, to tell a current quote from a stale one. */
  quoteKey: string | null;
  quoteError: ApiError | null;
  quoting: boolean;
  result: LaybyPaymentResult | null;
  start: (customerId: string | null) => void;
  chooseCustomer: (id: string) => Promise<void>;
  setStep: (step: WizardStep) => void;
  addProduct: (product: ProductView) => void;
  addFreeText: () => void;
  updateLine: (key: number, patch: Partial<Omit<DraftLine, 'key'>>) => void;
  removeLine: (key: number) => void;
  setPlan: (patch: Partial<PlanDraft>) => void;
  setDeposit: (text: string) => void;
  requote: () => void;
  finish: (result: LaybyPaymentResult) => void;
};

let nextKey = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
let sent = 0;

export const useLaybyDraft = create<DraftState>()((set, get) => ({
  step: 'customer',
  fromProfile: false,
  customer: null,
  customerError: null,
  rules: null,
  rulesError: null,
  lines: [],
  plan: { frequency: 'WEEKLY', instalments: DEFAULT_INSTALMENTS, intervalDays: '' },
  deposit: '',
  depositTouched: false,
  quote: null,
  quoteKey: null,
  quoteError: null,
  quoting: false,
  result: null,
  start: (customerId) => {
    clearTimeout(timer);
    sent += 1;
    set({
      step: customerId === null ? 'customer' : 'items',
      fromProfile: customerId !== null,
      customer: null,
      customerError: null,
      lines: [],
      plan: { frequency: 'WEEKLY', instalments: DEFAULT_INSTALMENTS, intervalDays: '' },
      deposit: '',
      depositTouched: false,
      quote: null,
      quoteKey: null,
      quoteError: null,
      quoting: false,
      result: null,
    });
    void call('laybys:rules', {}).then((result) => {
      if (!result.ok) return set({ rulesError: result.error.message });
      const { frequencies } = result.value.rules;
      set((s) => ({
        rules: result.value,
        rulesError: null,
        plan: frequencies.includes(s.plan.frequency)
          ? s.plan
          : { ...s.plan, frequency: frequencies[0] ?? 'WEEKLY' },
      }));
    });
    if (customerId !== null) void get().chooseCustomer(customerId);
  },
  chooseCustomer: async (id) => {
    set({ customerError: null });
    const result = await call('customers:get', { id });
    if (!result.ok) return set({ customerError: result.error.message });
    const { customer } = result.value;
    const businessId = useSessionStore.getState().session?.staff.businessId ?? null;
    set({
      customer: {
        id: customer.id,
        name: customer.fullName,
        number: customer.customerNumber,
        blocks: laybyBlocks(result.value, businessId),
      },
    });
  },
  setStep: (step) => {
    set({ step });
    if (step === 'plan') get().requote();
  },
  addProduct: (product) =>
    set((s) => {
      const same = s.lines.find((l) => l.productId === product.id);
      if (same) {
        // Scanning the same item again adds one more, as at any till.
        const milli = quantityToMilli(same.quantity);
        const quantity = milli === null ? same.quantity : String(milli / 1000 + 1);
        return { lines: s.lines.map((l) => (l === same ? { ...l, quantity } : l)) };
      }
      const line: DraftLine = {
        key: nextKey++,
        productId: product.id,
        sku: product.sku,
        description: product.name,
        quantity: '1',
        price: centsToInput(product.priceCents),
      };
      return { lines: [...s.lines, line] };
    }),
  addFreeText: () =>
    set((s) => ({
      lines: [
        ...s.lines,
        { key: nextKey++, productId: null, sku: null, description: '', quantity: '1', price: '' },
      ],
    })),
  updateLine: (key, patch) =>
    set((s) => ({ lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) })),
  removeLine: (key) => set((s) => ({ lines: s.lines.filter((l) => l.key !== key) })),
  setPlan: (patch) => {
    set((s) => ({ plan: { ...s.plan, ...patch } }));
    get().requote();
  },
  setDeposit: (text) => {
    set({ deposit: text, depositTouched: text.trim() !== '' });
    get().requote();
  },
  requote: () => {
    clearTimeout(timer);
    set({ quoting: true });
    timer = setTimeout(() => void runQuote(), QUOTE_DEBOUNCE_MS);
  },
  finish: (result) => set({ result, step: 'done' }),
}));

/** A line as the till API takes it, or what is wrong with it. */
export function lineItem(
  line: DraftLine,
  currency: Currency,
): { ok: true; item: LaybyItem } | { ok: false; field: LineField; message: string } {
  if (line.description.trim() === '')
    return { ok: false, field: 'description', message: 'Describe the item' };
  const quantityMilli = quantityToMilli(line.quantity);
  if (quantityMilli === null || quantityMilli === 0)
    return { ok: false, field: 'quantity', message: 'Quantity must be a number such as 1 or 1.5' };
  const unitPriceCents = inputToCents(line.price, currency);
  if (unitPriceCents === null)
    return { ok: false, field: 'price', message: 'Price must be an amount such as 25.00' };
  return {
    ok: true,
    item: {
      productId: line.productId,
      sku: line.sku,
      description: line.description.trim(),
      quantityMilli,
      unitPriceCents,
    },
  };
}

/** The quote's input from the draft; null while a line or the plan cannot be sent yet. */
export function quoteInputOf(state: DraftState): QuoteInput | null {
  const currency = state.rules?.currency ?? 'USD';
  const items: LaybyItem[] = [];
  for (const line of state.lines) {
    const parsed = lineItem(line, currency);
    if (!parsed.ok) return null;
    items.push(parsed.item);
  }
  const instalments = Number(state.plan.instalments);
  const intervalDays = Number(state.plan.intervalDays);
  const custom = state.plan.frequency === 'CUSTOM';
  return {
    items,
    depositCents: state.depositTouched ? inputToCents(state.deposit, currency) : null,
    plan: {
      frequency: state.plan.frequency,
      // An unreadable number goes through as it is, so the till's refusal names the field.
      instalments: Number.isInteger(instalments) ? instalments : 0,
      intervalDays: custom ? (Number.isInteger(intervalDays) ? intervalDays : 0) : null,
    },
  };
}

export const quoteKeyOf = (input: QuoteInput | null): string | null =>
  input === null ? null : JSON.stringify(input);

async function runQuote(): Promise<void> {
  const state = useLaybyDraft.getState();
  const input = quoteInputOf(state);
  const mine = ++sent;
  if (input === null || input.items.length === 0) {
    useLaybyDraft.setState({ quoting: false });
    return;
  }
  if (state.depositTouched && input.depositCents === null) {
    useLaybyDraft.setState({
      quoting: false,
      quoteError: {
        code: 'INVALID_INPUT',
        message: 'must be an amount such as 25.00',
        field: 'depositCents',
      },
    });
    return;
  }
  const result = await call('laybys:quote', input);
  if (mine !== sent) return;
  useLaybyDraft.setState(
    result.ok
      ? { quote: result.value, quoteKey: quoteKeyOf(input), quoteError: null, quoting: false }
      : { quoteError: result.error, quoting: false },
  );
}
