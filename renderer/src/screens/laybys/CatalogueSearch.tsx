import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProductView } from '../../../../shared/contract/till/layby-views';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { formatCents } from './layby-format';

const DEBOUNCE_MS = 150;

// Find a product by name or SKU (or scan it); Enter adds the chosen one to the layby.
export function CatalogueSearch({ onAdd }: { onAdd: (product: ProductView) => void }) {
  const [query, setQuery] = useState('');
  const [products, setProducts] = useState<ProductView[]>([]);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (query.trim() === '') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void call('catalogue:search', { query }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setProducts(result.value.products);
          setSelected(0);
          setError(null);
        } else setError(result.error.message);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const shown = query.trim() === '' ? [] : products;
  const add = (product: ProductView) => {
    onAdd(product);
    setQuery('');
    setProducts([]);
    input.current?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((s) => Math.min(shown.length - 1, Math.max(0, s + delta)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const product = shown[selected];
      if (product) add(product);
    }
  };

  return (
    <div className="catalogue">
      <label className="field-label" htmlFor="catalogue-query">
        Find an item: name or SKU
      </label>
      <input
        ref={input}
        id="catalogue-query"
        className="field-input"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKey}
        placeholder="e.g. blazer · school shoes · CLO-0007"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls="catalogue-hits"
        data-testid="catalogue-query"
      />
      <FormAlert message={error} testId="catalogue-error" />
      {shown.length > 0 ? (
        <ul
          className="catalogue-hits"
          id="catalogue-hits"
          role="listbox"
          data-testid="catalogue-hits"
        >
          {shown.map((product, index) => (
            <li
              key={product.id}
              role="option"
              aria-selected={index === selected}
              className={index === selected ? 'product product--selected' : 'product'}
              onClick={() => add(product)}
              data-testid="catalogue-hit"
            >
              <span className="product-name">{product.name}</span>
              <span className="mono muted">{product.sku}</span>
              <span className="product-price">
                {formatCents(product.priceCents, product.currency)}
              </span>
            </li>
          ))}
        </ul>
      ) : query.trim() !== '' ? (
        <p className="muted" data-testid="catalogue-none">
          Nothing in the catalogue matches yet. Add a free-text line for an item that is not listed.
        </p>
      ) : null}
    </div>
  );
}
