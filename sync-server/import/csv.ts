// A small RFC 4180 reader: comma-separated, fields optionally in double quotes (a quote inside
// doubled), line breaks inside quotes kept, CRLF or LF, a UTF-8 byte-order mark ignored.
// No CSV package is installed, and this is all the legacy exports need.

export type CsvRecord = { line: number; fields: string[] };

export class CsvError extends Error {
  override name = 'CsvError';
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record (an export often ends with one).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvError(`line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Records as objects keyed by the header row's names (trimmed, compared case-blind). */
export function withHeader(
  records: CsvRecord[],
  known: readonly string[],
): { rows: { line: number; values: Record<string, string> }[]; unknownColumns: string[] } {
  const [header, ...body] = records;
  if (!header) return { rows: [], unknownColumns: [] };
  const names = header.fields.map((name) => {
    const trimmed = name.trim();
    return known.find((k) => k.toLowerCase() === trimmed.toLowerCase()) ?? trimmed;
  });
  const rows = body.map((record) => ({
    line: record.line,
    values: Object.fromEntries(names.map((name, i) => [name, (record.fields[i] ?? '').trim()])),
  }));
  return { rows, unknownColumns: names.filter((name) => !known.includes(name)) };
}
