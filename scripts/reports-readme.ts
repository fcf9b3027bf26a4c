/**
 * Writes reports/README.md from the table and chart declarations, so the
 * description of every output file and column comes from the code that
 * writes them. A test fails when the committed file is out of date.
 *
 * Usage: npm run docs:reports
 */
import { writeFileSync } from 'node:fs';
import { reportsReadme } from '../pipeline/09-emit/readme.ts';

writeFileSync(new URL('../reports/README.md', import.meta.url), reportsReadme());
console.log('reports/README.md written');
