import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';

// What the cashier must know before serving this customer, shown the moment the profile
// opens, above everything else: blacklisting, deactivation and every alert note.
export function AlertBanner({ profile }: { profile: CustomerProfile }) {
  const { customer, notes } = profile;
  const alerts = notes.filter((note) => note.isAlert);
  if (!customer.isBlacklisted && customer.isActive && alerts.length === 0) return null;
  return (
    <section
      className="alert-banner"
      role="alert"
      aria-label="Alerts for this customer"
      data-testid="customer-alerts"
    >
      {customer.isBlacklisted ? (
        <p className="alert-line alert-line--danger" data-testid="alert-blacklisted">
          <strong>BLACKLISTED</strong> — no new laybys or credit.
          {customer.blacklistReason ? ` Reason: ${customer.blacklistReason}` : ''}
        </p>
      ) : null}
      {!customer.isActive ? (
        <p className="alert-line" data-testid="alert-deactivated">
          <strong>DEACTIVATED</strong> — reactivate before opening accounts or laybys.
        </p>
      ) : null}
      {alerts.map((note) => (
        <p key={note.id} className="alert-line" data-testid="alert-note">
          <strong>⚠ {note.subject ?? 'Alert'}:</strong> {note.content}
          <span className="alert-by">
            {' '}
            — {note.createdByName ?? 'staff'}
            {note.division?.code ? `, ${note.division.code}` : ''}
          </span>
        </p>
      ))}
    </section>
  );
}
