import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DIST } from '../scripts/lib/paths';
import { report } from './report';

const BUDGET_KB = 20;

/** Everything a supported page gets injected, per build: the manifest's content-script files. */
export function benchContentScriptSize(): void {
  for (const target of ['chrome', 'firefox']) {
    const dir = `${DIST}/${target}/`;
    const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as {
      content_scripts: Array<{ js?: string[] }>;
    };
    const files = [...new Set(manifest.content_scripts.flatMap((script) => script.js ?? []))];
    const raw = files.map((file) => readFileSync(`${dir}${file}`));
    const gzipKb = raw.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0) / 1024;
    const rawKb = raw.reduce((sum, bytes) => sum + bytes.length, 0) / 1024;
    report({
      name: `content script injected, gzip (${target})`,
      value: gzipKb,
      unit: 'KB',
      budget: BUDGET_KB,
      details: { files: files.join(' + '), minifiedKB: rawKb.toFixed(1), peerKB: 183 },
    });
  }
}
