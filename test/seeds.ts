/** Shared test helpers: the seed texts and the normalization every stage after ingest sees. */
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../pipeline/config.ts';
import { Provenance } from '../pipeline/core/offsets.ts';
import { normalizeDocument } from '../pipeline/02-normalize/index.ts';

export const SEED_FILES: Record<string, string> = {
  '000': '000_3c910edf25aa0875.txt',
  '001': '001_d555243f07a21a8d.txt',
  '002': '002_f00d05e88658edd7.txt',
  '003': '003_ebb2070a4ca8ec78.txt',
  '004': '004_88be2b81ebb6a12b.txt',
};

/** Raw text of a seed. */
export function seedRaw(id: string): string {
  return readFileSync(new URL(`../data/seeds/${SEED_FILES[id]}`, import.meta.url), 'utf8');
}

/** Normalize a text with the default configuration. */
export function normalized(text: string, id = 'doc') {
  return normalizeDocument({ text, provenance: new Provenance() }, id, defaultConfig().normalize);
}
