import { describe, expect, it } from 'vitest';
import { BREAK, UnitIds } from '../../pipeline/core/units.ts';

describe('unit ids', () => {
  it('numbers units by first appearance and ends each run with BREAK', () => {
    const ids = new UnitIds();
    expect([...ids.stream([['bảo', 'vệ'], ['nền', 'tảng', 'bảo']])]).toEqual([0, 1, BREAK, 2, 3, 0, BREAK]);
    expect(ids.units).toEqual(['bảo', 'vệ', 'nền', 'tảng']);
  });

  it('leaves the runs it shares units in with the same units, and streams them as stream() does', () => {
    // Strings built apart, as tokenizing builds one per occurrence.
    const made = (s: string) => [...s].join('');
    const runs = [[made('tư'), made('tưởng')], [made('tư'), made('tưởng'), made('của'), made('Đảng')]];
    const copy = runs.map((r) => [...r]);
    const shared = new UnitIds();
    const plain = new UnitIds();
    expect([...shared.streamSharing(runs)]).toEqual([...plain.stream(copy)]);
    expect(runs).toEqual(copy);
    expect(shared.units).toEqual(plain.units);
  });
});
