import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { CentralDb } from '../../db/central/connect';

// Many rows in one statement: each column travels as one array parameter and PostgreSQL
// unnests them back into rows. Compared with multi-row VALUES this sends 35 parameters
// instead of 35 per row, so a batch is not capped at 65,535 values and the server parses
// one short statement. Column names and SQL types come from the drizzle table, so a demo
// field that has no column fails loudly instead of being dropped.
//
// Each array is written here as PostgreSQL array text and cast on the server: node-postgres
// and PGlite serialise JS arrays differently (PGlite cannot for enum arrays), text they both
// pass through untouched. Building the statement is separate from running it, so the
// generator can build the next batch while PostgreSQL writes the last one.

// Tags are text[] per row; unnest would flatten an array of arrays, so each row's list
// travels joined by the ASCII unit separator (which no tag contains).
const LIST_SEPARATOR = '\u001f';

/** The database side of a column: a fixed SQL expression instead of a value per row. */
export type ColumnExpression = { column: string; value: SQL };

export type Executor = Pick<CentralDb, 'execute'>;

/** The INSERT for `rows` (all with the same keys), or null when there are none. */
export function buildBulkInsert(
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  expressions: readonly ColumnExpression[] = [],
): SQL | null {
  const first = rows[0];
  if (first === undefined) return null;
  const columns = getTableColumns(table);
  const targets: SQL[] = [];
  const selects: SQL[] = [];
  const arrays: SQL[] = [];
  const aliases: SQL[] = [];
  Object.keys(first).forEach((key, i) => {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column of ${getTableName(table)}`);
    const type = column.getSQLType();
    const isList = type.endsWith('[]');
    const values = rows.map((row) => {
      const value = row[key];
      return isList && Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
    });
    const alias = sql`${sql.identifier(`c${i}`)}`;
    aliases.push(alias);
    targets.push(sql`${sql.identifier(column.name)}`);
    arrays.push(sql`(${arrayLiteral(values)}::text)::${sql.raw(isList ? 'text' : type)}[]`);
    selects.push(
      isList ? sql`string_to_array(${alias}, ${LIST_SEPARATOR})::${sql.raw(type)}` : alias,
    );
  });
  for (const expression of expressions) {
    targets.push(sql`${sql.identifier(expression.column)}`);
    selects.push(expression.value);
  }
  return sql`insert into ${table} (${sql.join(targets, sql`, `)})
    select ${sql.join(selects, sql`, `)}
    from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(aliases, sql`, `)})`;
}

export async function bulkInsert(
  db: Executor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  expressions: readonly ColumnExpression[] = [],
): Promise<void> {
  const statement = buildBulkInsert(table, rows, expressions);
  if (statement) await db.execute(statement);
}

const NEEDS_ESCAPE = /["\\]/;

/** PostgreSQL array input syntax. Every element is quoted, so no value needs inspecting. */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) {
      out += 'NULL';
    } else if (typeof value === 'string') {
      out += NEEDS_ESCAPE.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
    } else {
      out += `"${String(value)}"`;
    }
  }
  return `${out}}`;
}
