/**
 * A corpus that fights back (test/fixtures/hostile/, plus a 200 MB single
 * line written at test time): the run finishes, every manifest row and every
 * file is accounted for in documents.csv, nothing outside the corpus folder
 * is read, CSV cells cannot start a formula and no title or text can run
 * script in index.html.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { defaultConfig } from '../pipeline/config.ts';
import { runCorpus } from '../pipeline/runner.ts';
import { runInfo } from '../pipeline/run-info.ts';
import { writeReport } from '../pipeline/09-emit/index.ts';
import { allTables } from '../pipeline/09-emit/tables.ts';
import { readDocument } from '../pipeline/01-ingest/read.ts';

const FIXTURE = new URL('./fixtures/hostile/', import.meta.url).pathname;
const CANARY = 'CANARY-OUTSIDE-THE-CORPUS';

describe('the hostile corpus', () => {
  let root: string;
  let out: string;
  let docs: Record<string, string>[];
  let summary: Record<string, number>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vnrhet-hostile-corpus-'));
    const corpus = join(root, 'a', 'corpus');
    cpSync(FIXTURE, corpus, { recursive: true });
    // What "../../etc/passwd" from the corpus folder would reach.
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc', 'passwd'), `${CANARY}\nroot:x:0:0:root:/root:/bin/bash\n`);
    // 200 MB on one line, not in the manifest.
    const fd = openSync(join(corpus, 'huge.txt'), 'w');
    const chunk = Buffer.from('Ban Chỉ đạo 35 tỉnh '.repeat(50_000));
    for (let n = 0; n < 200 * 1024 * 1024; n += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    out = join(root, 'report');
    const r = runCorpus({ corpusDir: corpus, config: defaultConfig() });
    await writeReport(r, out, runInfo(r));
    docs = parse(readFileSync(join(out, 'documents.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    summary = {};
    for (const d of docs) {
      const key = d.status === 'processed' ? 'processed' : `rejected: ${d.reason.replace(/\d[\d.]* MB/g, '# MB')}`;
      summary[key] = (summary[key] ?? 0) + 1;
    }
    console.log(`hostile corpus: ${docs.length} rows`, summary);
  }, 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const row = (id: string) => docs.filter((d) => d.id === id);

  it('accounts for every manifest row and every file', () => {
    const manifestIds = (parse(readFileSync(join(FIXTURE, 'manifest.csv'), 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[]).map((r) => r.id);
    for (const id of manifestIds) expect(row(id).length, id).toBeGreaterThan(0);
    const files = readdirSync(FIXTURE).filter((f) => f !== 'manifest.csv').concat('huge.txt');
    for (const f of files) expect(docs.some((d) => d.file === f), f).toBe(true);
    for (const d of docs) {
      expect(['processed', 'rejected']).toContain(d.status);
      if (d.status === 'rejected') expect(d.reason, d.id).toMatch(/^[^\n]{5,300}$/);
    }
  });

  it('rejects what cannot be read, with the reason', () => {
    expect(row('escape')[0].status).toBe('rejected');
    expect(row('escape')[0].reason).toMatch(/outside the corpus/);
    expect(row('missing')[0].reason).toMatch(/not found|missing/);
    expect(row('short')[0].reason).toMatch(/PNG/);
    expect(row('extra')[0].reason).toMatch(/empty/);
    expect(row('dup').map((d) => d.status).sort()).toEqual(['processed', 'rejected']);
    expect(row('dup').find((d) => d.status === 'rejected')!.reason).toMatch(/duplicate/);
    expect(docs.find((d) => d.file === 'huge.txt')!.reason).toMatch(/too large/);
  });

  it('decodes the awkward encodings into Vietnamese', () => {
    expect(row('nfd')[0].status).toBe('processed');
    expect(row('moji')[0].status).toBe('processed');
    expect(Number(row('moji')[0].syllables)).toBeGreaterThan(100);
    expect(row('dup').find((d) => d.status === 'processed')!.encoding).toMatch(/utf-16/);
    expect(row('page')[0].status).toBe('processed');
  });

  it('never reads outside the corpus folder', () => {
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8'), f).not.toContain(CANARY);
  });

  it('neutralises formula-like text cells in every CSV, while number columns hold only numbers', () => {
    let numbers = 0;
    for (const spec of allTables) {
      const rows = parse(readFileSync(join(out, spec.file), 'utf8'), { columns: true }) as Record<string, string>[];
      for (const r of rows) for (const c of spec.columns) {
        const v = r[c.name];
        if (c.type === 'int' || c.type === 'float') {
          expect(v, `${spec.file} ${c.name}`).toMatch(/^(-?\d+(\.\d+)?(e[-+]\d+)?|-?Infinity)?$/);
          numbers++;
        } else expect(v, `${spec.file} ${c.name}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(numbers).toBeGreaterThan(1000);
    // The manifest's titles, each a formula start: = (HYPERLINK), +, - and @.
    expect(row('formula')[0].title).toMatch(/^'=HYPERLINK\(/);
    expect(row('nfd')[0].title).toBe("'+cmd|calc");
    expect(row('moji')[0].title).toBe("'-2+3");
    expect(row('page')[0].title).toBe("'@SUM(A1)");
  });

  it('reads the Latin-1 file as the text it is (its manifest row is a rejected duplicate, so it is read here alone)', () => {
    const bytes = readFileSync(join(FIXTURE, 'latin1.txt'));
    const r = readDocument('latin1.txt', bytes, defaultConfig().ingest.maxDocumentBytes);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.text).toBe(bytes.toString('latin1'));
    expect(bytes.toString('latin1')).toContain('Café, naïve, à bientôt');
  });

  it('lets no title or text run script in index.html', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script>document\.title/);
    expect(html).not.toMatch(/alert\('end'\)/);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('evil.example/steal');
  });
});
