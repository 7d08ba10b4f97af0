import type { ImportReport, RowReport } from './run';

// The import's report as people read it: one line per row that needs a look, then counts.

const KINDS = ['new', 'matched', 'unchanged', 'conflicting', 'rejected'] as const;

export function describeRow(row: RowReport): string {
  const who = row.customerNumber ? ` → ${row.customerNumber}` : '';
  const why = row.reason ? `: ${row.reason}` : '';
  return `line ${String(row.line).padStart(5)}  ${row.legacyNumber.padEnd(16)} ${row.kind}${who}${why}`;
}

export function formatReport(report: ImportReport): string[] {
  const lines: string[] = [];
  if (report.unknownColumns.length > 0) {
    lines.push(`Ignored columns: ${report.unknownColumns.join(', ')}`);
  }
  for (const row of report.rows) lines.push(describeRow(row));
  const counts = KINDS.map(
    (kind) => `${report.rows.filter((r) => r.kind === kind).length} ${kind}`,
  );
  lines.push(`${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${counts.join(', ')}.`);
  return lines;
}
