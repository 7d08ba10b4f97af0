import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

const items = sqliteTable('items', { id: integer('id').primaryKey(), name: text('name') });

describe('the till connection statement cache', () => {
  let sqlite: Database.Database;
  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec(`create table items (id integer primary key, name text)`);
    sqlite.exec(`insert into items values (1, 'hat'), (2, 'coat')`);
    cacheStatements(sqlite, 3);
  });
  afterEach(() => sqlite.close());

  it('hands back the same compiled statement for the same text', () => {
    const a = sqlite.prepare('select name from items where id = ?');
    const b = sqlite.prepare('select name from items where id = ?');
    expect(a).toBe(b);
    expect(b.get(2)).toEqual({ name: 'coat' });
  });

  it('gives objects again after drizzle used the statement for array rows', () => {
    const db = drizzle(sqlite);
    const typed = db
      .select({ name: items.name })
      .from(items)
      .where(sql`${items.id} = 1`);
    expect(typed.get()).toEqual({ name: 'hat' }); // drizzle reads it with raw() on
    const text = typed.toSQL().sql;
    expect(sqlite.prepare(text).get()).toEqual({ name: 'hat' }); // an object, not ['hat']
    expect(sqlite.prepare(text).pluck().get()).toBe('hat');
    expect(sqlite.prepare(text).get()).toEqual({ name: 'hat' });
  });

  it('gives a statement being iterated its own copy, and keeps at most `size`', () => {
    const source = 'select id from items order by id';
    const iterating = sqlite.prepare(source).iterate();
    expect(iterating.next().value).toEqual({ id: 1 });
    const other = sqlite.prepare(source);
    expect(other.all()).toEqual([{ id: 1 }, { id: 2 }]);
    iterating.return?.();

    const first = sqlite.prepare('select 1 as n');
    for (const n of [2, 3, 4]) sqlite.prepare(`select ${n} as n`);
    expect(sqlite.prepare('select 1 as n')).not.toBe(first);
  });

  it('recompiles by itself when the schema changes under a cached statement', () => {
    const read = () => sqlite.prepare('select * from items where id = 1').get();
    expect(read()).toEqual({ id: 1, name: 'hat' });
    sqlite.exec(`alter table items add column size text`);
    expect(read()).toEqual({ id: 1, name: 'hat', size: null });
  });
});
