import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { LaybySummary } from '../../../../shared/contract/till/layby-views';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import { useLaybyList, type LaybyFilter } from '../../state/laybys-list-store';
import { useLaybyNav } from '../../state/laybys-nav-store';
import { statusClass, statusLabel } from './labels';
import { formatCents, formatDay } from './layby-format';

const FILTERS: readonly { key: string; label: string; filter: LaybyFilter }[] = [
  { key: 'active', label: 'Active', filter: { kind: 'status', status: 'ACTIVE' } },
  { key: 'week', label: 'Due this week', filter: { kind: 'due', due: 'THIS_WEEK' } },
  { key: 'overdue', label: 'Overdue', filter: { kind: 'due', due: 'OVERDUE' } },
  { key: 'paid', label: 'Paid up', filter: { kind: 'status', status: 'COMPLETED' } },
  { key: 'hold', label: 'On hold', filter: { kind: 'status', status: 'ON_HOLD' } },
  { key: 'defaulted', label: 'Defaulted', filter: { kind: 'status', status: 'DEFAULTED' } },
  { key: 'cancelled', label: 'Cancelled', filter: { kind: 'status', status: 'CANCELLED' } },
  { key: 'all', label: 'All', filter: { kind: 'status', status: null } },
];

const same = (a: LaybyFilter, b: LaybyFilter) =>
  a.kind === 'status' && b.kind === 'status'
    ? a.status === b.status
    : a.kind === 'due' && b.kind === 'due' && a.due === b.due;

// The division's laybys: a filter, a search box (number or customer name), and one row per
// layby. ↑/↓ choose, Enter opens, Ctrl+N opens a new layby, Esc goes home.
export function LaybyListScreen() {
  const { filter, query, rows, total, loading, error, selected } = useLaybyList();
  const { setFilter, setQuery, move, load } = useLaybyList();
  const { open, back } = useLaybyNav();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.select();
    void load();
  }, [load]);
  const newLayby = () => open({ screen: 'new', customerId: null });
  useShortcut({ code: 'KeyN', ctrl: true }, newLayby);
  useShortcut({ code: 'Escape' }, back);

  const list = rows ?? [];
  const openRow = (row: LaybySummary) => open({ screen: 'detail', id: row.id });
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = list[selected];
      if (row) openRow(row);
    }
  };
  const filterLabel = FILTERS.find((f) => same(f.filter, filter))?.label ?? '';

  return (
    <div className="laybys-screen" data-testid="screen-layby-list">
      <header className="customers-header">
        <h1 className="customers-title">Laybys</h1>
        <div className="header-actions">
          <button
            type="button"
            className="button button--primary"
            onClick={newLayby}
            data-testid="layby-new"
            aria-keyshortcuts="Control+N"
          >
            New layby <kbd>Ctrl</kbd>+<kbd>N</kbd>
          </button>
          <button
            type="button"
            className="button button--outline"
            onClick={back}
            data-testid="laybys-back"
          >
            Back <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <div className="layby-list-tools">
        <div className="queue-tabs layby-filters" role="group" aria-label="Which laybys">
          {FILTERS.map((f) => (
            <button
              key={f.key}
              type="button"
              className={same(f.filter, filter) ? 'queue-tab queue-tab--on' : 'queue-tab'}
              aria-pressed={same(f.filter, filter)}
              onClick={() => setFilter(f.filter)}
              data-testid={`layby-filter-${f.key}`}
            >
              {f.label}
            </button>
          ))}
        </div>
        <label className="field-label sr-only" htmlFor="layby-query">
          Layby number or customer name
        </label>
        <input
          ref={input}
          id="layby-query"
          className="field-input layby-query"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKey}
          placeholder="Layby number or customer name, e.g. LAY-CLO-000012 · moyo"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          data-testid="layby-query"
        />
      </div>
      <FormAlert message={error} testId="layby-list-error" />
      {list.length > 0 ? (
        <>
          <table className="layby-table layby-list" data-testid="layby-rows">
            <thead>
              <tr>
                <th scope="col">Layby</th>
                <th scope="col">Customer</th>
                <th scope="col" className="num">
                  Balance
                </th>
                <th scope="col">Next due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((row, index) => (
                <tr
                  key={row.id}
                  className={index === selected ? 'layby-row layby-row--selected' : 'layby-row'}
                  aria-selected={index === selected}
                  onClick={() => openRow(row)}
                  data-testid="layby-row"
                >
                  <td className="mono">{row.laybyNumber}</td>
                  <td>
                    <strong>{row.customerName}</strong>
                    <span className="cell-sub mono">{row.customerNumber}</span>
                  </td>
                  <td className="num">
                    {row.status === 'CANCELLED' ? (
                      <span className="muted">—</span>
                    ) : (
                      <strong>{formatCents(row.balanceRemainingCents, row.currency)}</strong>
                    )}
                  </td>
                  <td className={row.overdue ? 'overdue' : undefined}>
                    {formatDay(row.nextDueDate)}
                    {row.overdue ? <span className="tag tag--overdue">Overdue</span> : null}
                  </td>
                  <td>
                    <span className={`badge badge--layby-${statusClass(row)}`}>
                      {statusLabel(row)}
                    </span>
                    {row.status === 'COMPLETED' && !row.itemsReleased ? (
                      <span className="cell-sub">goods not collected</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="layby-count">
            {total > list.length
              ? `Showing ${list.length} of ${total}. Search to narrow the list.`
              : `${total} layby${total === 1 ? '' : 's'}`}{' '}
            · <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open
          </p>
        </>
      ) : null}
      {rows !== null && list.length === 0 && !loading ? (
        <div className="blank-state" data-testid="layby-blank">
          <p className="blank-title">
            {query.trim() !== ''
              ? `No layby matches ‘${query.trim()}’`
              : `No laybys here: ${filterLabel.toLowerCase()}`}
          </p>
          <p>
            Try another filter or search — or press <kbd>Ctrl</kbd>+<kbd>N</kbd> to open a new
            layby.
          </p>
        </div>
      ) : null}
    </div>
  );
}
