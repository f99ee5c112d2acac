// Browser tests need a Chromium binary. Playwright's own download cannot work on machines
// without general network access, so we use the distribution's package: find it, or install
// it with apt-get when we are root on Debian, or say exactly what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const found = candidates.find((p) => p && existsSync(p));
if (found) {
  console.log(`chromium: ${found}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    'Chromium is needed for the browser tests: install it (Debian: apt-get install chromium) ' +
      'or set CHROMIUM_PATH to its binary.',
  );
  process.exit(1);
}
console.log('chromium: installing Debian package chromium …');
const run = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
run(['update', '-qq']);
run(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation']);
console.log('chromium: /usr/bin/chromium');
