// Prints the gzip size of each file of the standalone build and fails when the panel's own
// code (everything but the host-libraries chunk, i.e. what CVAT does not already ship) is
// over budget. Run after `vite build`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = Number(process.env.PANEL_BUDGET_KIB ?? 60);
const assets = new URL('../dist/ui/assets/', import.meta.url).pathname;

const rows = readdirSync(assets)
  .filter((file) => /\.(js|css)$/.test(file))
  .map((file) => {
    const bytes = readFileSync(join(assets, file));
    return {
      file,
      host: file.startsWith('host-libraries'),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  });

if (rows.length === 0) {
  console.error(`bundle-size: no assets in ${assets}; run vite build first`);
  process.exit(1);
}

const kib = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(44)}${'raw KiB'.padStart(9)}${'gzip KiB'.padStart(9)}`);
for (const row of rows) {
  const tag = row.host ? ' (react/antd/router: CVAT provides these)' : '';
  console.log(`${row.file.padEnd(44)}${kib(row.raw)} ${kib(row.gzip)}${tag}`);
}
const own = rows.filter((row) => !row.host).reduce((sum, row) => sum + row.gzip, 0);
const verdict = own <= BUDGET_KIB * 1024 ? 'within' : 'OVER';
console.log(
  `panel's own code: ${(own / 1024).toFixed(1)} KiB gzip, ${verdict} the ${BUDGET_KIB} KiB budget`,
);
if (verdict === 'OVER') process.exit(1);
