import { compactNationalId, normaliseEmail, normalisePhone, searchTokens } from './normalise';

// Likely duplicates: the same person registered twice. The till warns while a cashier is
// creating a customer; the server uses the same rules to propose merge candidates.

export const DUPLICATE_REASONS = [
  'SAME_PHONE',
  'SAME_EMAIL',
  'SAME_NATIONAL_ID',
  'SIMILAR_NAME_SAME_BIRTH_DATE',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  SAME_PHONE: 'same phone number',
  SAME_EMAIL: 'same email',
  SAME_NATIONAL_ID: 'same national ID',
  SIMILAR_NAME_SAME_BIRTH_DATE: 'similar name and same date of birth',
};

/** The fields the rules look at; any form of phone or id is accepted. */
export type DuplicateProbe = {
  fullName: string;
  primaryPhone?: string | null;
  alternatePhone?: string | null;
  primaryEmail?: string | null;
  nationalId?: string | null;
  dateOfBirth?: string | null;
};

/** Names at least this similar (0..1) count as the same name when the birth date agrees. */
export const NAME_SIMILARITY_THRESHOLD = 0.85;

const phones = (p: DuplicateProbe) =>
  [p.primaryPhone, p.alternatePhone].flatMap((raw) => {
    const result = raw ? normalisePhone(raw) : null;
    return result?.ok ? [result.value] : [];
  });

const email = (p: DuplicateProbe) => {
  const result = p.primaryEmail ? normaliseEmail(p.primaryEmail) : null;
  return result?.ok ? result.value : null;
};

const nationalId = (p: DuplicateProbe) => (p.nationalId ? compactNationalId(p.nationalId) : null);

/** Why `candidate` looks like the same customer as `probe`; empty when it does not. */
export function duplicateReasons(
  probe: DuplicateProbe,
  candidate: DuplicateProbe,
): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const candidatePhones = phones(candidate);
  if (phones(probe).some((phone) => candidatePhones.includes(phone))) reasons.push('SAME_PHONE');
  const probeEmail = email(probe);
  if (probeEmail !== null && probeEmail === email(candidate)) reasons.push('SAME_EMAIL');
  const probeId = nationalId(probe);
  if (probeId !== null && probeId === nationalId(candidate)) reasons.push('SAME_NATIONAL_ID');
  if (
    probe.dateOfBirth &&
    probe.dateOfBirth === candidate.dateOfBirth &&
    nameSimilarity(probe.fullName, candidate.fullName) >= NAME_SIMILARITY_THRESHOLD
  ) {
    reasons.push('SIMILAR_NAME_SAME_BIRTH_DATE');
  }
  return reasons;
}

export type DuplicateMatch<C> = { candidate: C; reasons: DuplicateReason[] };

/** Candidates that look like the probe, strongest evidence (most reasons) first. */
export function findLikelyDuplicates<C extends DuplicateProbe>(
  probe: DuplicateProbe,
  candidates: readonly C[],
): DuplicateMatch<C>[] {
  return candidates
    .map((candidate) => ({ candidate, reasons: duplicateReasons(probe, candidate) }))
    .filter((match) => match.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length);
}

/**
 * Similarity of two names, 0..1, blind to case, accents, spacing and word order ("Moyo
 * Tendai" = "Tendai Moyo"): the normalised Levenshtein similarity of the sorted tokens, or
 * of the tokens as written, whichever is higher (so a typo in one word still scores high).
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = searchTokens(a);
  const tb = searchTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const sorted = similarity([...ta].sort().join(' '), [...tb].sort().join(' '));
  return Math.max(sorted, similarity(ta.join(' '), tb.join(' ')));
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

/** Edit distance with two rolling rows: names are short, so O(n·m) is cheap. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
