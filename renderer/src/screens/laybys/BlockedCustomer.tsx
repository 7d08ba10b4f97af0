import type { DraftCustomer } from '../../state/laybys-draft-store';

// Why this customer cannot take a layby, in the till's words, loud enough to stop a cashier
// before the customer chooses any items.
export function BlockedCustomer({ customer }: { customer: DraftCustomer }) {
  return (
    <div className="layby-refusal" role="alert" data-testid="layby-customer-blocked">
      <p className="layby-refusal-title">
        No layby for {customer.name} <span className="mono">{customer.number}</span>
      </p>
      <ul>
        {customer.blocks.map((block) => (
          <li key={block}>{block}</li>
        ))}
      </ul>
      <p className="layby-refusal-note">
        A supervisor can check the customer’s account in Customers.
      </p>
    </div>
  );
}
