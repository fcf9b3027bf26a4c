import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanEngine, scanText, scanTextPortable } from '../../pipeline/02-normalize/scan.ts';
import { compileScanWasm } from '../../scripts/build-wasm.ts';
import { asFontText, asciiLookalikes, misreadAsCp1252 } from '../encoded.ts';
import { encodeLegacy } from '../../pipeline/01-ingest/encodings.ts';
import { SEED_FILES, seedRaw } from '../seeds.ts';

const hostile = new URL('../fixtures/hostile/', import.meta.url);

/** Texts that exercise every branch of the scan: the seeds as they are and mis-encoded, the hostile fixtures read as Latin-1, minimal cases. */
function texts(): [string, string][] {
  const out: [string, string][] = [];
  for (const id of Object.keys(SEED_FILES)) {
    const raw = seedRaw(id);
    out.push([id, raw], [`${id} NFD`, raw.normalize('NFD')], [`${id} mojibake`, misreadAsCp1252(raw)]);
    const clean = asciiLookalikes(raw.replace(/\u00d0/g, 'Đ'), 'tcvn3');
    out.push([`${id} tcvn3 font`, asFontText(encodeLegacy(clean, 'tcvn3'))]);
  }
  for (const f of readdirSync(hostile)) out.push([f, readFileSync(new URL(f, hostile), 'latin1')]);
  out.push(
    ['tone, both styles', 'hoà thuỷ khoẻ Hoà QUẢ quý hòa thủy khỏe XOÀ'],
    ['glued', 'tỉnhvà ThủyTheo thànhphố ôtô'],
    ['breaks', 'TƯ TƯỞ\nNG a\n  b x\n\ny'],
    ['specials', 'Ðảng\u00a0ñ\u200bđ\u0301\ufeff'],
    ['empty', ''],
  );
  return out;
}

describe('scan', () => {
  it('the WebAssembly kernel finds exactly what the portable scan finds, in both tone styles', () => {
    expect(scanEngine()).toBe('webassembly');
    for (const style of ['old', 'new'] as const) {
      for (const [name, text] of texts()) expect(scanText(text, style), `${name} (${style})`).toEqual(scanTextPortable(text, style));
    }
  });

  it('carries the automaton across the kernel’s chunks: a long text scans like its parts', () => {
    // 2^18 code units per chunk; put a glued word and a tone candidate across the first boundary.
    const filler = 'các cấp ủy đảng ';
    let text = filler.repeat(Math.ceil((1 << 18) / filler.length));
    text = text.slice(0, (1 << 18) - 3) + ' tỉnhvà hoà ' + text;
    const wasm = scanText(text, 'old');
    expect(wasm).toEqual(scanTextPortable(text, 'old'));
    const at = (1 << 18) - 2;
    expect(wasm.glued.slice(0, 2)).toEqual([at, at + 6]);
    expect(wasm.tone.slice(0, 2)).toEqual([at + 7, at + 10]);
  });

  it('finds the candidates each pass needs on minimal cases', () => {
    const s = scanText('Tỉnh uỷ, tỉnhvà, TƯỞ\nNG, Ðảng', 'old');
    expect(s.tone).toEqual([5, 7]);
    expect(s.glued).toEqual([9, 15]);
    expect(s.breaks).toEqual([20]);
    expect(s.unicode).toBe(true);
    expect(s.misencoded).toBe(false);
    expect(scanText('Ban ChØ ®¹o', 'old').misencoded).toBe(true);
  });

  it('ships a scan.wasm that is exactly what scripts/build-wasm.ts compiles from scan.wat', async () => {
    const committed = readFileSync(new URL('../../pipeline/02-normalize/scan.wasm', import.meta.url));
    expect(Buffer.from(await compileScanWasm()).equals(committed)).toBe(true);
  });
});
