import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './connect.js';

describe('a SQLite database as the server opens it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-connect-'));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gets the planner's statistics for tables that never had them, and keeps them current on demand", async () => {
    const file = path.join(dir, 'estatedesk.db');
    const raw = new SQLite(file);
    raw.exec('create table items (estate integer, label text); create index items_estate on items (estate)');
    const insert = raw.prepare('insert into items values (?, ?)');
    raw.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(i % 50, `item ${i}`);
    })();
    raw.close();

    const handle = openSqlite(file);
    const stats = () => handle.sqlite?.prepare("select tbl, idx, stat from sqlite_stat1 where tbl = 'items'").all();
    // Rows, then rows per estate (estimated from a sample).
    expect(stats()).toEqual([{ tbl: 'items', idx: 'items_estate', stat: expect.stringMatching(/^5000 \d+$/) }]);
    // Most rows go; the planner is told when the server next optimises.
    handle.sqlite?.exec('delete from items where estate >= 1');
    handle.sqlite?.prepare('select count(*) from items where estate = 0').get();
    handle.optimize();
    expect(stats()).toEqual([{ tbl: 'items', idx: 'items_estate', stat: expect.stringMatching(/^100 \d+$/) }]);
    await handle.close();
  });
});
