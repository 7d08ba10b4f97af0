import { create } from 'zustand';
import type { LaybySummary } from '../../../shared/contract/till/layby-views';
import type { LaybyStatus } from '../../../shared/domain/enums';
import { call } from '../api/till-client';

// The division's laybys as the list screen shows them. Filters live here, not in the screen,
// so coming back from a layby's detail finds the list as the cashier left it.
export type LaybyFilter =
  { kind: 'status'; status: LaybyStatus | null } | { kind: 'due'; due: 'THIS_WEEK' | 'OVERDUE' };

export const QUERY_DEBOUNCE_MS = 150;

type ListState = {
  filter: LaybyFilter;
  query: string;
  rows: LaybySummary[] | null;
  total: number;
  loading: boolean;
  error: string | null;
  selected: number;
  setFilter: (filter: LaybyFilter) => void;
  setQuery: (query: string) => void;
  move: (delta: number) => void;
  load: () => Promise<void>;
};

let timer: ReturnType<typeof setTimeout> | undefined;
let sent = 0;

export const useLaybyList = create<ListState>()((set, get) => ({
  filter: { kind: 'status', status: 'ACTIVE' },
  query: '',
  rows: null,
  total: 0,
  loading: false,
  error: null,
  selected: 0,
  setFilter: (filter) => {
    set({ filter, selected: 0 });
    void get().load();
  },
  setQuery: (query) => {
    set({ query });
    clearTimeout(timer);
    timer = setTimeout(() => void get().load(), QUERY_DEBOUNCE_MS);
  },
  move: (delta) => {
    const count = get().rows?.length ?? 0;
    if (count === 0) return;
    set((s) => ({ selected: Math.min(count - 1, Math.max(0, s.selected + delta)) }));
  },
  load: async () => {
    const mine = ++sent;
    const { filter, query } = get();
    set({ loading: true });
    const result = await call('laybys:list', {
      status: filter.kind === 'status' ? filter.status : null,
      due: filter.kind === 'due' ? filter.due : null,
      query,
      limit: 200,
    });
    // An answer to an older filter or query must not replace the newer one's.
    if (mine !== sent) return;
    if (!result.ok) {
      set({ loading: false, error: result.error.message });
      return;
    }
    const { rows, total } = result.value;
    set((s) => ({
      rows,
      total,
      loading: false,
      error: null,
      selected: Math.min(s.selected, Math.max(0, rows.length - 1)),
    }));
  },
}));
