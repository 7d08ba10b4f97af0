import type { CustomerView } from '../../../../shared/contract/till/customer-methods';
import { formatPhone, formatSource } from './format';
import { LABELS, TYPE_LABELS } from '../../screens/customers/customer-form-values';

type Row = [label: string, value: string | null];

// Who this is, in the order a cashier checks it against an ID card or a caller.
export function IdentityPanel({ customer }: { customer: CustomerView }) {
  const rows: Row[] = [
    ['Customer number', customer.customerNumber],
    [LABELS.type, TYPE_LABELS[customer.type]],
    [LABELS.companyName, customer.companyName],
    [LABELS.primaryPhone, formatPhone(customer.primaryPhone)],
    [LABELS.alternatePhone, customer.alternatePhone && formatPhone(customer.alternatePhone)],
    [LABELS.primaryEmail, customer.primaryEmail],
    [LABELS.nationalId, customer.nationalId],
    [LABELS.passportNumber, customer.passportNumber],
    [LABELS.taxNumber, customer.taxNumber],
    [LABELS.dateOfBirth, customer.dateOfBirth],
    [LABELS.gender, customer.gender],
    [
      LABELS.address,
      [customer.address, customer.city, customer.state, customer.postalCode, customer.country]
        .filter(Boolean)
        .join(', '),
    ],
    [LABELS.referredBy, customer.referredBy],
    [LABELS.tags, customer.tags.join(', ') || null],
    [LABELS.source, formatSource(customer.source)],
    ['Linked staff user', customer.linkedUserId],
    ['Linked employee', customer.linkedEmployeeId],
  ];
  return (
    <section className="panel" aria-labelledby="identity-heading">
      <h2 id="identity-heading" className="panel-title">
        Identity
      </h2>
      <dl className="facts" data-testid="customer-identity">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd className={/number|phone|ID|Tax|Linked/i.test(label) ? 'mono' : undefined}>
                {value}
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
