import { lineAmountCents } from '../../../../shared/domain/layby/records';
import type { Currency } from '../../../../shared/money/money';
import {
  lineItem,
  useLaybyDraft,
  type DraftLine,
  type LineField,
} from '../../state/laybys-draft-store';
import { CatalogueSearch } from './CatalogueSearch';
import { formatCents } from './layby-format';

// Step 2: what goes on layby. Catalogue items come with their shelf price, which the cashier
// may change (a marked-down item); anything else goes on a free-text line.
export function ItemsStep({ currency, showErrors }: { currency: Currency; showErrors: boolean }) {
  const lines = useLaybyDraft((s) => s.lines);
  const addProduct = useLaybyDraft((s) => s.addProduct);
  const addFreeText = useLaybyDraft((s) => s.addFreeText);
  const total = lines.reduce((sum, line) => {
    const parsed = lineItem(line, currency);
    return parsed.ok ? sum + lineAmountCents(parsed.item) : sum;
  }, 0);

  return (
    <section className="wizard-step" data-testid="layby-step-items">
      <h2 className="step-title">What is going on layby?</h2>
      <div className="items-layout">
        <CatalogueSearch onAdd={addProduct} />
        <div className="items-side">
          <button
            type="button"
            className="button button--outline"
            onClick={addFreeText}
            data-testid="item-free-text"
          >
            + Item not in the catalogue
          </button>
        </div>
      </div>
      {lines.length === 0 ? (
        <div className="blank-state blank-state--quiet" data-testid="items-blank">
          <p className="blank-title">No items yet</p>
          <p>Search the catalogue above and press Enter to add an item.</p>
        </div>
      ) : (
        <table className="layby-table draft-lines" data-testid="draft-lines">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <DraftLineRow
                key={line.key}
                line={line}
                index={index}
                currency={currency}
                showErrors={showErrors}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="num">
                Goods total
              </th>
              <td className="num big" data-testid="items-total">
                {formatCents(total, currency)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

function DraftLineRow(props: {
  line: DraftLine;
  index: number;
  currency: Currency;
  showErrors: boolean;
}) {
  const { line, index, currency, showErrors } = props;
  const update = useLaybyDraft((s) => s.updateLine);
  const remove = useLaybyDraft((s) => s.removeLine);
  const parsed = lineItem(line, currency);
  const error = !parsed.ok && showErrors ? parsed : null;
  const invalid = (field: LineField) => (error?.field === field ? true : undefined);
  const id = `line-${line.key}`;
  return (
    <>
      <tr className="draft-line" data-testid="draft-line">
        <td>
          {line.productId ? (
            <>
              {line.description}
              <span className="cell-sub mono">{line.sku}</span>
            </>
          ) : (
            <input
              id={`${id}-description`}
              className="field-input cell-input"
              aria-label={`Item ${index + 1} description`}
              aria-invalid={invalid('description')}
              value={line.description}
              onChange={(e) => update(line.key, { description: e.target.value })}
              placeholder="Describe the item"
              autoFocus
              maxLength={300}
              data-testid="line-description"
            />
          )}
        </td>
        <td className="num">
          <input
            className="field-input cell-input cell-input--qty"
            aria-label={`Item ${index + 1} quantity`}
            aria-invalid={invalid('quantity')}
            inputMode="decimal"
            value={line.quantity}
            onChange={(e) => update(line.key, { quantity: e.target.value })}
            onFocus={(e) => e.target.select()}
            data-testid="line-quantity"
          />
        </td>
        <td className="num">
          <input
            className="field-input cell-input cell-input--money"
            aria-label={`Item ${index + 1} unit price`}
            aria-invalid={invalid('price')}
            inputMode="decimal"
            value={line.price}
            onChange={(e) => update(line.key, { price: e.target.value })}
            onFocus={(e) => e.target.select()}
            data-testid="line-price"
          />
        </td>
        <td className="num" data-testid="line-amount">
          {parsed.ok ? formatCents(lineAmountCents(parsed.item), currency) : '—'}
        </td>
        <td>
          <button
            type="button"
            className="button button--outline button--small"
            onClick={() => remove(line.key)}
            aria-label={`Remove ${line.description || `item ${index + 1}`}`}
            data-testid="line-remove"
          >
            Remove
          </button>
        </td>
      </tr>
      {error ? (
        <tr className="draft-line-error">
          <td colSpan={5}>
            <p className="field-error" data-testid="line-error">
              {error.message}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
