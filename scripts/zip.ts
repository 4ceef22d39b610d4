// `npm run zip`: store-ready archives of both builds in artifacts/ (after `npm run build`).
// web-ext only zips here; it does not change the files. The Firefox archive is linted first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DIST, FIREFOX_BUILD } from './lib/paths';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
const webExt = `${root}node_modules/.bin/web-ext`;
const run = (args: string[]) => execFileSync(webExt, args, { cwd: root, stdio: 'inherit' });

run(['lint', '--source-dir', FIREFOX_BUILD, '--self-hosted', '--warnings-as-errors=false']);
for (const target of ['chrome', 'firefox']) {
  run([
    'build',
    '--source-dir',
    `${DIST}/${target}`,
    '--artifacts-dir',
    'artifacts',
    '--filename',
    `tono-${target}-${version}.zip`,
    '--overwrite-dest',
  ]);
}
