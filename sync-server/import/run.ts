import type { CentralDb } from '../../db/central/connect';
import { AppError } from '../../shared/contract/result';
import { isCurrency, type Currency } from '../../shared/money/money';
import type { DivisionCode } from '../../shared/domain/enums';
import { withStampedWrites, type CentralTx } from '../sync/change-sequence';
import { translateUniqueViolation } from '../customers/clashes';
import { loadDivisions } from '../customers/divisions';
import { parseCsv, withHeader } from './csv';
import { importRow, type ImportContext, type RowOutcome } from './import-row';
import { LEGACY_COLUMNS, legacyRowSchema } from './legacy-row';

// A division's legacy export into the universal register. Each row is its own transaction,
// so a bad row is reported and skipped, never half-imported. A dry run does the same work in
// one transaction (each row in a savepoint, so later rows see earlier ones) and rolls it all
// back: it reports exactly what a real run would do and writes nothing.

export type ImportOptions = {
  division: DivisionCode;
  csv: string;
  dryRun: boolean;
  currency?: Currency;
  /** File name, kept in the audit as the source. */
  file: string;
};

export type RowReport = RowOutcome & { line: number; legacyNumber: string };
export type ImportReport = { rows: RowReport[]; unknownColumns: string[]; dryRun: boolean };

const REQUIRED = ['customerNumber', 'phone'] as const;
const EMPTY_ROW = Object.fromEntries(LEGACY_COLUMNS.map((column) => [column, '']));

/** Thrown inside a row's transaction so its writes roll back; carries the outcome out. */
class RowUndone extends Error {
  constructor(readonly outcome: RowOutcome) {
    super(outcome.reason ?? outcome.kind);
  }
}
class DryRunDone extends Error {}

export async function runImport(db: CentralDb, options: ImportOptions): Promise<ImportReport> {
  const division = (await loadDivisions(db)).byCode.get(options.division);
  if (!division)
    throw new AppError(
      'NOT_FOUND',
      `No division ${options.division} in this database.`,
      'division',
    );
  const currency = options.currency ?? (isCurrency(division.currency) ? division.currency : 'USD');
  const context: ImportContext = { division, currency, source: `import:${division.code}` };
  const { rows, unknownColumns } = withHeader(parseCsv(options.csv), LEGACY_COLUMNS);
  const header = rows[0] ? Object.keys(rows[0].values) : [];
  const missing = REQUIRED.filter((column) => rows.length > 0 && !header.includes(column));
  if (missing.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      `The file has no ${missing.join(', ')} column.`,
      missing[0],
    );
  const schema = legacyRowSchema(currency);

  const one = async (tx: CentralTx, values: Record<string, string>): Promise<RowOutcome> => {
    // A column the export lacks reads as empty in every row.
    const parsed = schema.safeParse({ ...EMPTY_ROW, ...values });
    const outcome: RowOutcome = parsed.success
      ? await importRow(tx, parsed.data, context)
      : {
          kind: 'rejected',
          reason: `${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''}`,
        };
    if (outcome.kind === 'rejected' || outcome.kind === 'conflicting') throw new RowUndone(outcome);
    return outcome;
  };
  const settle = async (work: () => Promise<RowOutcome>): Promise<RowOutcome> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RowUndone) return error.outcome;
      const translated = translateUniqueViolation(error);
      if (translated instanceof AppError)
        return { kind: 'conflicting', reason: translated.message };
      throw error;
    }
  };

  const report: RowReport[] = [];
  const record = (row: (typeof rows)[number], outcome: RowOutcome) =>
    report.push({ line: row.line, legacyNumber: row.values.customerNumber ?? '', ...outcome });
  if (options.dryRun) {
    await db
      .transaction(async (tx) => {
        for (const row of rows)
          record(row, await settle(() => tx.transaction((sp) => one(sp, row.values))));
        throw new DryRunDone();
      })
      .catch((error: unknown) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
  } else {
    for (const row of rows)
      record(row, await settle(() => withStampedWrites(db, (tx) => one(tx, row.values))));
  }
  return { rows: report, unknownColumns, dryRun: options.dryRun };
}
