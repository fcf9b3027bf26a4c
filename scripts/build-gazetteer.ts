/**
 * Derive data/gazetteer/units.json (the 63 pre-2025 provinces and their
 * district-level units) from one or more snapshots of the `dvhcvn` npm
 * package (GPL-3.0, https://github.com/daohoangson/dvhcvn, itself built from
 * the GSO list of administrative units). Several snapshots are merged so that
 * districts merged away between them stay matchable in older articles.
 *
 *   npm pack dvhcvn@1.0.20221001 dvhcvn@1.2.20250301   # in a scratch folder
 *   tar xzf dvhcvn-1.0.20221001.tgz && mv package dvhcvn-2022
 *   tar xzf dvhcvn-1.2.20250301.tgz && mv package dvhcvn-2025
 *   npx tsx scripts/build-gazetteer.ts <scratch>/dvhcvn-2022 <scratch>/dvhcvn-2025
 *
 * Give the snapshots oldest first: the oldest name of a province is its
 * pre-2025 display name (e.g. Thừa Thiên Huế, a "Thành phố" only from 2025).
 * Only the curated files (provinces.json, districts-historical.json,
 * press.json) are edited by hand.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { oldToneStyle } from '../pipeline/01-ingest/gazetteer.ts';

type ProvinceType = 'tỉnh' | 'thành phố trực thuộc trung ương';
type DistrictType = 'huyện' | 'quận' | 'thị xã' | 'thành phố';

interface DvhcvnUnit {
  id: string;
  name: string;
  type: number;
  children?: DvhcvnUnit[];
}

// dvhcvn's Type enum: huyen 0, quan 1, phuong 2, thi_tran 3, thi_xa 4, tinh 5, tp 6, tptw 7, xa 8.
const DISTRICT_TYPES: Record<number, DistrictType> = { 0: 'huyện', 1: 'quận', 4: 'thị xã', 6: 'thành phố' };
const PROVINCE_TYPES: Record<number, ProvinceType> = { 5: 'tỉnh', 7: 'thành phố trực thuộc trung ương' };
const TYPE_WORD = /^(tỉnh|thành phố|huyện|quận|thị xã)\s+/i;

/** Name without its type word, NFC, tone marks in the old position. */
function bareName(full: string): string {
  return oldToneStyle(full.normalize('NFC').replace(TYPE_WORD, '').trim());
}

/** Snapshot date of a dvhcvn package from its version ("1.2.20250301" → "2025-03-01"). */
function snapshotDate(pkgDir: string): string {
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const m = /(\d{4})(\d{2})(\d{2})$/.exec(version);
  if (!m) throw new Error(`cannot read a date from dvhcvn version ${version}`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function loadLevel1s(pkgDir: string): DvhcvnUnit[] {
  const require = createRequire(import.meta.url);
  const mod = require(resolve(pkgDir, 'lib/index.js')) as { level1s: DvhcvnUnit[] };
  if (!Array.isArray(mod.level1s) || mod.level1s.length !== 63) throw new Error(`${pkgDir}: expected 63 level-1 units`);
  return mod.level1s;
}

function main(dirs: string[]): void {
  if (dirs.length === 0) {
    console.error('usage: tsx scripts/build-gazetteer.ts <dvhcvn package dir> [more, oldest first]');
    process.exit(2);
  }
  const snapshots: string[] = [];
  const provinces = new Map<string, { code: string; name: string; type: ProvinceType; laterNames?: { name: string; type: ProvinceType; from: string }[] }>();
  const districts = new Map<string, { code: string; province: string; name: string; type: DistrictType; types: DistrictType[]; snapshots: string[] }>();
  for (const dir of dirs) {
    const date = snapshotDate(dir);
    snapshots.push(date);
    for (const l1 of loadLevel1s(dir)) {
      const ptype = PROVINCE_TYPES[l1.type];
      if (!ptype) throw new Error(`unexpected level-1 type ${l1.type} for ${l1.name}`);
      const pname = bareName(l1.name);
      const known = provinces.get(l1.id);
      if (!known) provinces.set(l1.id, { code: l1.id, name: pname, type: ptype });
      else if (known.name !== pname || known.type !== ptype) {
        known.laterNames ??= [];
        if (!known.laterNames.some((n) => n.name === pname)) known.laterNames.push({ name: pname, type: ptype, from: date });
      }
      for (const l2 of l1.children ?? []) {
        const dtype = DISTRICT_TYPES[l2.type];
        if (!dtype) throw new Error(`unexpected level-2 type ${l2.type} for ${l2.name}`);
        const name = bareName(l2.name);
        const key = `${l1.id}/${l2.id}/${name}`;
        const d = districts.get(key);
        if (!d) districts.set(key, { code: l2.id, province: l1.id, name, type: dtype, types: [dtype], snapshots: [date] });
        else {
          d.type = dtype; // the later snapshot's type is the latest
          if (!d.types.includes(dtype)) d.types.push(dtype);
          d.snapshots.push(date);
        }
      }
    }
  }
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const out = {
    source: 'dvhcvn npm package (GPL-3.0), https://github.com/daohoangson/dvhcvn — data from the GSO list of administrative units; built by scripts/build-gazetteer.ts',
    snapshots,
    provinces: [...provinces.values()].sort(byCode),
    districts: [...districts.values()].sort((a, b) => a.province.localeCompare(b.province) || byCode(a, b) || a.name.localeCompare(b.name)),
  };
  const target = new URL('../data/gazetteer/units.json', import.meta.url);
  // One unit per line: diffs between rebuilds stay readable.
  const lines = (xs: unknown[]) => xs.map((x) => '  ' + JSON.stringify(x)).join(',\n');
  const text = `{\n "source": ${JSON.stringify(out.source)},\n "snapshots": ${JSON.stringify(out.snapshots)},\n "provinces": [\n${lines(out.provinces)}\n ],\n "districts": [\n${lines(out.districts)}\n ]\n}\n`;
  writeFileSync(target, text);
  console.log(`wrote ${out.provinces.length} provinces, ${out.districts.length} district entries from ${snapshots.join(', ')}`);
}

main(process.argv.slice(2));
