import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CentralDb } from '../../db/central/connect';

// Many rows in one statement: each column travels as one array parameter and PostgreSQL
// unnests them back into rows. Compared with multi-row VALUES this sends 35 parameters
// instead of 35 per row, so a batch is not capped at 65,535 values and the server parses
// one short statement. Column names and SQL types come from the drizzle table, so a demo
// field that has no column fails loudly instead of being dropped.
//
// Each array is written here as PostgreSQL array text and cast on the server: node-postgres
// and PGlite serialise JS arrays differently (PGlite cannot for enum arrays), text they both
// pass through untouched. Rows can be added in slices and are turned into text at once, so
// the generator's row objects die young: holding 10,000 of them across awaits made the
// garbage collector the biggest cost of a million-customer run.

// Tags are text[] per row; unnest would flatten an array of arrays, so each row's list
// travels joined by the ASCII unit separator (which no tag contains).
const LIST_SEPARATOR = '\u001f';

/** The database side of a column: a fixed SQL expression instead of a value per row. */
export type ColumnExpression = { column: string; value: SQL };

export type Executor = Pick<CentralDb, 'execute'>;

/**
 * Position of the row in its batch, from 1, for expressions: `${ROW_ORDINAL} + 41` numbers
 * the rows 42, 43, … in the order given.
 */
export const ROW_ORDINAL = sql`u.ord`;

type Target = { key: string; column: PgColumn; isList: boolean; chunks: string[] };

/** Rows of one table collected column by column, ready to become one INSERT. */
export class BulkRows {
  private targets: Target[] | null = null;
  private count = 0;

  constructor(private readonly table: PgTable) {}

  get size(): number {
    return this.count;
  }

  /** Adds rows, which must all have the keys of the first row ever added. */
  add(rows: readonly Record<string, unknown>[]): void {
    const first = rows[0];
    if (first === undefined) return;
    this.targets ??= this.targetsFor(first);
    for (const target of this.targets) {
      const values = rows.map((row) => {
        const value = row[target.key];
        return target.isList && Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
      });
      target.chunks.push(arrayElements(values));
    }
    this.count += rows.length;
  }

  /** The INSERT of every row added, with extra column expressions; null when there are none. */
  toInsert(expressions: readonly ColumnExpression[] = []): SQL | null {
    if (!this.targets || this.count === 0) return null;
    const names: SQL[] = [];
    const selects: SQL[] = [];
    const arrays: SQL[] = [];
    const aliases: SQL[] = [];
    this.targets.forEach((target, i) => {
      const type = target.column.getSQLType();
      const alias = sql`${sql.identifier(`c${i}`)}`;
      aliases.push(alias);
      names.push(sql`${sql.identifier(target.column.name)}`);
      const literal = `{${target.chunks.join(',')}}`;
      arrays.push(sql`(${literal}::text)::${sql.raw(target.isList ? 'text' : type)}[]`);
      selects.push(
        target.isList ? sql`string_to_array(${alias}, ${LIST_SEPARATOR})::${sql.raw(type)}` : alias,
      );
    });
    for (const expression of expressions) {
      names.push(sql`${sql.identifier(expression.column)}`);
      selects.push(expression.value);
    }
    return sql`insert into ${this.table} (${sql.join(names, sql`, `)})
      select ${sql.join(selects, sql`, `)}
      from unnest(${sql.join(arrays, sql`, `)}) with ordinality as u(${sql.join(aliases, sql`, `)}, ord)`;
  }

  private targetsFor(row: Record<string, unknown>): Target[] {
    const columns = getTableColumns(this.table);
    return Object.keys(row).map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`${key} is not a column of ${getTableName(this.table)}`);
      return { key, column, isList: column.getSQLType().endsWith('[]'), chunks: [] };
    });
  }
}

export async function bulkInsert(
  db: Executor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  expressions: readonly ColumnExpression[] = [],
): Promise<void> {
  const bulk = new BulkRows(table);
  bulk.add(rows);
  const statement = bulk.toInsert(expressions);
  if (statement) await db.execute(statement);
}

const NEEDS_ESCAPE = /["\\]/;

/** PostgreSQL array input syntax. Every element is quoted, so no value needs inspecting. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${arrayElements(values)}}`;
}

function arrayElements(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) {
      parts[i] = 'NULL';
    } else if (typeof value === 'string') {
      parts[i] = NEEDS_ESCAPE.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
    } else if (
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      typeof value === 'bigint'
    ) {
      parts[i] = `"${String(value)}"`;
    } else {
      throw new TypeError(`cannot write a ${typeof value} into a column array`);
    }
  }
  return parts.join(',');
}
