/**
 * npm run build:wasm — compile pipeline/02-normalize/scan.wat into scan.wasm
 * with wabt (the WebAssembly Binary Toolkit). The binary is committed so a
 * plain install needs no compiler; test/02-normalize/scan.test.ts checks that
 * it is exactly what this script makes of the source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import wabt from 'wabt';

/** The bytes of scan.wasm as compiled from scan.wat. */
export async function compileScanWasm(): Promise<Uint8Array> {
  const source = readFileSync(new URL('../pipeline/02-normalize/scan.wat', import.meta.url), 'utf8');
  const w = await wabt();
  const mod = w.parseWat('scan.wat', source);
  mod.validate();
  const { buffer } = mod.toBinary({ write_debug_names: false });
  mod.destroy();
  return buffer;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = await compileScanWasm();
  writeFileSync(new URL('../pipeline/02-normalize/scan.wasm', import.meta.url), bytes);
  console.log(`scan.wasm: ${bytes.length} bytes`);
}
