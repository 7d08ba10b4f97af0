import { create } from 'zustand';
import type { SearchResult } from '../../../shared/contract/till/customer-methods';
import { call } from '../api/till-client';

// Lookup while typing. Each keystroke restarts a short timer; answers that arrive after a
// newer query was sent are dropped, so the list never shows results for old text.
export const SEARCH_DEBOUNCE_MS = 120;

type SearchState = {
  query: string;
  result: SearchResult | null;
  searching: boolean;
  error: string | null;
  selected: number;
  setQuery: (query: string) => void;
  move: (delta: number) => void;
  reset: () => void;
};

let timer: ReturnType<typeof setTimeout> | undefined;
let sent = 0;

export const useCustomerSearch = create<SearchState>()((set, get) => ({
  query: '',
  result: null,
  searching: false,
  error: null,
  selected: 0,
  setQuery: (query) => {
    set({ query, searching: query.trim() !== '' });
    clearTimeout(timer);
    if (query.trim() === '') {
      sent += 1;
      set({ result: null, error: null, selected: 0, searching: false });
      return;
    }
    timer = setTimeout(() => void run(query), SEARCH_DEBOUNCE_MS);
  },
  move: (delta) => {
    const count = get().result?.hits.length ?? 0;
    if (count === 0) return;
    set((s) => ({ selected: Math.min(count - 1, Math.max(0, s.selected + delta)) }));
  },
  reset: () => {
    clearTimeout(timer);
    sent += 1;
    set({ query: '', result: null, searching: false, error: null, selected: 0 });
  },
}));

async function run(query: string): Promise<void> {
  const mine = ++sent;
  const answer = await call('customers:search', { query });
  if (mine !== sent) return;
  useCustomerSearch.setState(
    answer.ok
      ? { result: answer.value, error: null, searching: false, selected: 0 }
      : { error: answer.error.message, searching: false },
  );
}
