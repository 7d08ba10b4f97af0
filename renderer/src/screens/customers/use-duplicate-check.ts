import { useEffect, useState } from 'react';
import type { DuplicateMatchView } from '../../../../shared/contract/till/customer-methods';
import { call } from '../../api/till-client';
import type { FormValues } from './customer-form-values';

const CHECK_DELAY_MS = 300;

/**
 * Asks the till, as the cashier types, whether this looks like a customer it already has
 * (same phone, email or ID; or a similar name born the same day). Nothing is saved.
 */
export function useDuplicateCheck(
  values: FormValues,
  excludeId: string | null,
): DuplicateMatchView[] {
  const [matches, setMatches] = useState<DuplicateMatchView[]>([]);
  const {
    firstName,
    lastName,
    fullName,
    companyName,
    primaryPhone,
    alternatePhone,
    primaryEmail,
    nationalId,
    dateOfBirth,
  } = values;
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      const probe = {
        firstName,
        lastName,
        fullName,
        companyName,
        primaryPhone,
        alternatePhone,
        primaryEmail,
        nationalId,
        dateOfBirth,
      };
      void call('customers:checkDuplicates', excludeId ? { ...probe, excludeId } : probe).then(
        (result) => {
          if (!stale && result.ok) setMatches(result.value.matches);
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [
    firstName,
    lastName,
    fullName,
    companyName,
    primaryPhone,
    alternatePhone,
    primaryEmail,
    nationalId,
    dateOfBirth,
    excludeId,
  ]);
  return matches;
}
