import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached, detachedFields } from '../../pipeline/core/detach.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth (MB) while `keep` holds what `cut` takes from each of 40 distinct texts of about 1 MB. */
function heldMb(cut: (s: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 40; i++) kept.push(cut(`Tỉnh ủy ${i} `.concat('bảo vệ nền tảng tư tưởng của Đảng. '.repeat(30000))));
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  expect(kept).toHaveLength(40);
  return grown;
}

describe('detached strings', () => {
  it('equal the string they copy', () => {
    const text = 'Ban Chỉ đạo 35 tỉnh Bến Tre tổ chức hội nghị';
    expect(detached(text.slice(4, 30))).toBe(text.slice(4, 30));
    expect(detached('Đảng')).toBe('Đảng');
    expect(detached('')).toBe('');
  });

  it('do not keep alive the text they were cut from, where a plain substring does', () => {
    const title = (s: string) => s.slice(0, 60);
    // 40 texts of 2 MB each (two bytes a character): a plain substring holds them all, a detached copy none.
    expect(heldMb(title)).toBeGreaterThan(60);
    expect(heldMb((s) => detached(title(s)))).toBeLessThan(10);
  });

  it('replace the string fields of a row and of its string records, leaving other values', () => {
    const text = 'Đề nghị các cấp ủy tiếp tục đẩy mạnh công tác bảo vệ nền tảng tư tưởng của Đảng';
    const row = { doc: 'a', sentence: 3, inherited: false, text: text.slice(0, 40), extra: { place_evidence: text.slice(10, 50) }, list: ['x'] };
    const list = row.list;
    expect(detachedFields(row)).toBe(row);
    expect(row).toEqual({ doc: 'a', sentence: 3, inherited: false, text: text.slice(0, 40), extra: { place_evidence: text.slice(10, 50) }, list: ['x'] });
    expect(row.list).toBe(list);
  });
});
