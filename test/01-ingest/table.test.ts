import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { planTableCorpus, tableFormat } from '../../pipeline/01-ingest/table.ts';
import { seedRaw } from '../seeds.ts';

const bytes = (name: string) => readFileSync(new URL(`../fixtures/rows/${name}`, import.meta.url));
const opts = { textColumn: 'text', maxDocumentBytes: 1 << 20 };
const reasons = (plan: ReturnType<typeof planTableCorpus>) => Object.fromEntries(plan.rejected.map((r) => [r.file, r.reason]));

describe('a .jsonl corpus (articles.jsonl: 9 records from the seeds, 6 of them bad, and a blank line)', () => {
  const plan = planTableCorpus('articles.jsonl', bytes('articles.jsonl'), opts);

  it('accounts for every record: a document or a one-line rejection, by line', () => {
    expect(plan.documents.map((d) => [d.id, d.file])).toEqual([
      ['bdk-2024-04-05', 'articles.jsonl:1'],
      ['articles-2', 'articles.jsonl:2'],
      ['qn-2023-11-13', 'articles.jsonl:10'],
    ]);
    expect(reasons(plan)).toEqual({
      'articles.jsonl:4': expect.stringMatching(/^line 4: not valid JSON \(/),
      'articles.jsonl:5': 'line 5: no "text" field',
      'articles.jsonl:6': 'line 6: duplicate id "bdk-2024-04-05"; the record on line 1 was kept',
      'articles.jsonl:7': 'line 7: "text" is not a string (got an array)',
      'articles.jsonl:8': 'line 8: no text: "text" is empty',
      'articles.jsonl:9': 'line 9: not a JSON object (got an array)',
    });
    expect(plan.documents.length + plan.rejected.length).toBe(readFileSync(new URL('../fixtures/rows/articles.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).length);
    for (const r of plan.rejected) expect(r.reason).not.toContain('\n');
  });

  it('carries the text inline and the other fields as metadata from the row', () => {
    const [bdk, , qn] = plan.documents;
    expect(bdk.text).toContain(seedRaw('000').split('\n\n')[2]);
    expect(bdk.row).toMatchObject({ line: 1, from: 'row', cells: { province: 'Bến Tre', level: 'tỉnh', date: '2024-04-05', source: 'Báo Đồng Khởi', section: 'Chính trị' } });
    expect(bdk.row!.cells).not.toHaveProperty('text');
    // Numbers and lists are written out, so they survive as extra metadata.
    expect(qn.row!.cells).toMatchObject({ views: '1234', tags: '["BCĐ 35","Quỳnh Nhai"]', unit: 'Huyện ủy Quỳnh Nhai' });
  });
});

describe('a .csv corpus (articles.csv: 6 rows from the seeds, quoted paragraphs over several lines, 3 bad)', () => {
  const plan = planTableCorpus('articles.csv', bytes('articles.csv'), opts);

  it('accounts for every row, numbering rows by the line they start on', () => {
    expect(plan.documents.map((d) => [d.id, d.file])).toEqual([
      ['kg-2023-09-19', 'articles.csv:2'],
      ['articles-7', 'articles.csv:7'],
      ['quoted', 'articles.csv:13'],
    ]);
    expect(reasons(plan)).toEqual({
      'articles.csv:10': 'line 10: duplicate id "kg-2023-09-19"; the record on line 2 was kept',
      'articles.csv:11': 'line 11: no text: "text" is empty',
      'articles.csv:12': 'line 12: 8 cells for 7 columns (an unquoted comma or quote in the text?)',
    });
  });

  it('keeps the paragraph breaks of a quoted text', () => {
    expect(plan.documents[0].text!.split('\n\n')).toHaveLength(3);
    expect(plan.documents[0].row!.cells).toMatchObject({ date: '19/09/2023', title: expect.stringMatching(/^Kiên Giang: Đẩy mạnh/) });
  });

  it('rejects a row whose quote is never closed and keeps the rows before it', () => {
    const p = planTableCorpus('x.csv', Buffer.from('id,text\na,"Ngày 7/12 Ban Chỉ đạo 35"\nb,"Ban Chỉ đạo 35 Thị ủy\n'), opts);
    expect(p.documents.map((d) => d.id)).toEqual(['a']);
    expect(p.rejected).toHaveLength(1);
    expect(p.rejected[0].reason).toMatch(/^line \d+: not valid CSV \(Quote Not Closed/);
  });
});

describe('table options and whole-file problems', () => {
  it('reads the text from another column (ingest.textColumn), case-insensitively', () => {
    const p = planTableCorpus('bai.csv', Buffer.from('ID,Noi_Dung\nx,"Ban Chỉ đạo 35 Tỉnh ủy"\n'), { ...opts, textColumn: 'noi_dung' });
    expect(p.documents.map((d) => [d.id, d.text])).toEqual([['x', 'Ban Chỉ đạo 35 Tỉnh ủy']]);
  });

  it('refuses a .csv without the text column in one line that names the option', () => {
    expect(() => planTableCorpus('bai.csv', Buffer.from('id,body\nx,y\n'), opts)).toThrow(/^bai\.csv has no "text" column \(columns: id, body\); name the text column with ingest\.textColumn$/);
  });

  it('warns when no .jsonl record has the text field', () => {
    const p = planTableCorpus('bai.jsonl', Buffer.from('{"body":"a"}\n{"body":"b"}\n'), opts);
    expect(p.rejected).toHaveLength(2);
    expect(p.diagnostics[0].message).toMatch(/no record has a "text" field; name the text field with ingest\.textColumn/);
  });

  it('rejects a record larger than the document limit', () => {
    const p = planTableCorpus('a.jsonl', Buffer.from(JSON.stringify({ text: 'Đảng bộ tỉnh '.repeat(1000) })), { ...opts, maxDocumentBytes: 1000 });
    expect(p.rejected[0].reason).toMatch(/^line 1: text too large: 0\.0 MB > limit 0\.0 MB \(ingest\.maxDocumentBytes\)$/);
  });

  it('decodes the file like a document (UTF-16 with BOM) and refuses one that is not text', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id":"a","text":"Tỉnh ủy Bến Tre"}\n', 'utf16le')]);
    const p = planTableCorpus('a.jsonl', utf16, opts);
    expect([p.encoding, p.documents[0].text]).toEqual(['utf-16le (BOM)', 'Tỉnh ủy Bến Tre']);
    expect(() => planTableCorpus('a.jsonl', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), opts)).toThrow(/^a\.jsonl: not a text file: looks like a gzip archive$/);
  });

  it('knows a table corpus by its extension', () => {
    expect(['a.jsonl', 'B.NDJSON', 'c.csv', 'corpus', 'd.txt'].map(tableFormat)).toEqual(['jsonl', 'jsonl', 'csv', null, null]);
  });
});
