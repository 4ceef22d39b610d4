import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DIST } from '../scripts/lib/paths';
import { CONTENT_UI_FILES, SITE_CHUNK_PLATFORMS, siteChunkFile } from '../src/shared/content-files';
import { report } from './report';

const BUDGET_KB = 20;

function sizes(dir: string, files: readonly string[]): { gzipKb: number; rawKb: number } {
  const raw = files.map((file) => readFileSync(`${dir}${file}`));
  return {
    gzipKb: raw.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0) / 1024,
    rawKb: raw.reduce((sum, bytes) => sum + bytes.length, 0) / 1024,
  };
}

/**
 * Everything a supported page gets injected, per build: the manifest's content-script files (the
 * bootstrap). The part the worker injects into a frame on first need is reported on its own line.
 */
export function benchContentScriptSize(): void {
  for (const target of ['chrome', 'firefox']) {
    const dir = `${DIST}/${target}/`;
    const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as {
      content_scripts: Array<{ js?: string[] }>;
    };
    const files = [...new Set(manifest.content_scripts.flatMap((script) => script.js ?? []))];
    const everyPage = sizes(dir, files);
    report({
      name: `content script injected, gzip (${target})`,
      value: everyPage.gzipKb,
      unit: 'KB',
      budget: BUDGET_KB,
      details: { files: files.join(' + '), minifiedKB: everyPage.rawKb.toFixed(1), peerKB: 183 },
    });
    // A page gets content-ui.js plus its own platform's adapter: report the heaviest platform.
    const chunks = SITE_CHUNK_PLATFORMS.map((id) => ({ id, ...sizes(dir, [siteChunkFile(id)]) }));
    const heaviest = chunks.reduce((a, b) => (b.gzipKb > a.gzipKb ? b : a));
    const uiFiles = [...CONTENT_UI_FILES, siteChunkFile(heaviest.id)];
    const onFirstUse = sizes(dir, uiFiles);
    const both = sizes(dir, [...files, ...uiFiles]);
    report({
      name: `content script on first use, gzip (${target})`,
      value: onFirstUse.gzipKb,
      unit: 'KB',
      budget: BUDGET_KB,
      details: {
        files: uiFiles.join(' + '),
        siteChunksKB: chunks.map((chunk) => `${chunk.id} ${chunk.gzipKb.toFixed(2)}`).join(', '),
        minifiedKB: onFirstUse.rawKb.toFixed(1),
        withBootstrapKB: both.gzipKb.toFixed(1),
        note: 'injected by the worker into a frame on first focus or key, not on every page: the UI and the heaviest platform adapter',
      },
    });
  }
}
