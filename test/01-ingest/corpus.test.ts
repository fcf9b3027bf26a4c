import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../pipeline/01-ingest/manifest.ts';
import { planCorpus, safeRelativePath } from '../../pipeline/01-ingest/corpus.ts';

const seedsManifest = readFileSync(new URL('../../data/seeds/manifest.csv', import.meta.url), 'utf8');
const seedFiles = ['000_3c910edf25aa0875.txt', '001_d555243f07a21a8d.txt', '002_f00d05e88658edd7.txt', '003_ebb2070a4ca8ec78.txt', '004_88be2b81ebb6a12b.txt'];

describe('manifest', () => {
  it('reads the seed manifest with its quoted titles and keeps the note column as extra metadata', () => {
    const m = parseManifest(seedsManifest);
    expect(m.rows).toHaveLength(5);
    expect(m.rows[1].cells.title).toBe('Kiên Giang: Đẩy mạnh công tác bảo vệ nền tảng tư tưởng của Đảng, phản bác các quan điểm sai trái, thù địch');
    expect(m.rows[3].cells.note).toMatch(/^spun/);
    expect(m.diagnostics).toEqual([]);
  });

  it('warns about rows with missing or extra cells instead of failing', () => {
    const m = parseManifest('id,file,province\na,a.txt\nb,b.txt,Sơn La,extra\n');
    expect(m.rows[0].cells.province).toBeUndefined();
    expect(m.rows[1].cells.extra_4).toBe('extra');
    expect(m.diagnostics.map((d) => d.message)).toHaveLength(2);
  });

  it('rejects a file that is not a manifest with a one-line reason', () => {
    expect(() => parseManifest('hello world\n')).toThrow(/neither an "id" nor a "file" column/);
  });
});

describe('planCorpus', () => {
  it('plans every seed from the manifest', () => {
    const plan = planCorpus(seedFiles, parseManifest(seedsManifest));
    expect(plan.documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(plan.rejected).toEqual([]);
  });

  it('accounts for a missing file, a path outside the folder, a duplicate id and an unlisted file', () => {
    const m = parseManifest('id,file\na,a.txt\nb,../../etc/passwd\nc,missing.txt\na,b.txt\n');
    const plan = planCorpus(['a.txt', 'b.txt', 'c.txt'], m);
    expect(plan.documents.map((d) => [d.id, d.file])).toEqual([
      ['a', 'a.txt'],
      ['c', 'c.txt'],
    ]);
    const reasons = plan.rejected.map((r) => r.reason);
    expect(reasons[0]).toMatch(/outside the corpus folder/);
    expect(reasons[1]).toMatch(/not found/);
    expect(reasons[2]).toMatch(/duplicate id "a"/);
  });

  it('runs without a manifest: ids from file names', () => {
    const plan = planCorpus(['x/b.txt', 'a.txt'], null);
    expect(plan.documents.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('refuses absolute and climbing paths', () => {
    expect(safeRelativePath('/etc/passwd')).toBeNull();
    expect(safeRelativePath('../secret.txt')).toBeNull();
    expect(safeRelativePath('a/../../b.txt')).toBeNull();
    expect(safeRelativePath('sub/./a.txt')).toBe('sub/a.txt');
  });
});

describe('symbolic links in a corpus folder', () => {
  it('rejects each link with its reason, whether a manifest row names it or not, and never reads its target', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCorpus, listCorpus } = await import('../../pipeline/runner.ts');
    const { defaultConfig } = await import('../../pipeline/config.ts');
    const root = mkdtempSync(join(tmpdir(), 'vnrhet-links-'));
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'BÍ MẬT: văn bản ngoài thư mục ngữ liệu.');
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a.txt'), readFileSync(new URL(`../../data/seeds/${seedFiles[0]}`, import.meta.url)));
    symlinkSync(outside, join(corpus, 'named.txt'));
    symlinkSync(outside, join(corpus, 'unnamed.txt'));
    writeFileSync(join(corpus, 'manifest.csv'), 'id,file\na,a.txt\nn,named.txt\n');
    expect(listCorpus(corpus, ['.txt']).links).toEqual(['named.txt', 'unnamed.txt']);
    const r = runCorpus({ corpusDir: corpus, config: defaultConfig() });
    expect(r.documents.map((d) => [d.meta.id, d.status])).toEqual([['a', 'processed'], ['n', 'rejected'], ['unnamed', 'rejected']]);
    for (const d of r.documents.filter((x) => x.status === 'rejected')) expect(d.reason).toMatch(/symbolic link; not followed/);
    expect(JSON.stringify(r)).not.toContain('BÍ MẬT');
  });
});
