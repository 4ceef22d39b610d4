// Team packs: importing a 10 000-template pack (parse + validate + diff + one atomic transaction)
// and the cost of a sync that gets 304 Not Modified. Runs in Node on fake-indexeddb (an in-memory
// IndexedDB written in JavaScript, usually slower than a browser's), against a real local server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { syncSubscription } from '../src/background/pack-sync';
import { TonoDatabase } from '../src/shared/db/database';
import { PacksRepo } from '../src/shared/db/repos/packs';
import { parsePackText, serializePack, type Pack, type PackTemplate } from '../src/shared/domain/pack';
import { percentile, report } from './report';

export const COUNT = 10_000;
const TAGS = ['soporte', 'pedidos', 'envíos', 'crisis', 'general', 'ventas'];

export function templateAt(i: number, revision = 0): PackTemplate {
  return {
    id: `t${i}`,
    title: `Respuesta ${i}: devolución y envío${revision ? ` (rev ${revision})` : ''}`,
    body: `Hola {{firstName|}}, gracias por escribirnos. Sobre tu pedido ${i}: ya lo estamos revisando y te escribimos por privado en menos de 24 horas.${'\n'}Un saludo, {{agent}}.`,
    shortcut: `r${i}`,
    tags: [TAGS[i % TAGS.length]!, TAGS[(i * 7) % TAGS.length]!],
    platforms: i % 3 ? ['x', 'instagram'] : [],
    lang: i % 4 ? 'es' : 'en',
  };
}

export const packOf = (version: string, templates: PackTemplate[]): Pack => ({
  format: 'tono-pack',
  formatVersion: 1,
  id: 'bench',
  name: 'Bench',
  version,
  updatedAt: '2026-11-22T10:00:00Z',
  guidelines: [{ id: 'voz', title: 'Voz', body: 'Cercana y clara.' }],
  rules: [],
  templates,
});

/** A realistic update of the first version: 10 % of replies edited, 1 % removed, 1 % added. */
export function updatedTemplates(revision: number): PackTemplate[] {
  return Array.from({ length: COUNT }, (_, i) => templateAt(i, i % 10 === 0 ? revision : 0))
    .filter((_, i) => i % 100 !== revision)
    .concat(Array.from({ length: COUNT / 100 }, (_, i) => templateAt(COUNT + i)));
}

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

/** Parse, validate, diff and apply `text` the way the options page and the worker do. */
async function importText(repo: PacksRepo, text: string) {
  const [parsed, parseMs] = await timed(() => parsePackText(text));
  if (!parsed.ok) throw new Error(`bench pack refused: ${parsed.error.code}`);
  const [, previewMs] = await timed(() => repo.preview(parsed.value));
  const [applied, applyMs] = await timed(() => repo.apply(parsed.value, { sourceUrl: null }));
  if (!applied.ok) throw new Error(`bench apply refused: ${applied.error.code}`);
  return { parseMs, previewMs, applyMs };
}

/** Returns the Node import figure (ms), printed again next to the Chromium one. */
export async function benchPackImport(): Promise<number> {
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new TonoDatabase(`tono-bench-packs-${Date.now()}`);
  const repo = new PacksRepo(db);
  await db.open();

  const first = serializePack(packOf('1', Array.from({ length: COUNT }, (_, i) => templateAt(i))));
  const [steps, total] = await timed(() => importText(repo, first));
  const updated = updatedTemplates(1);
  const [, updateTotal] = await timed(() => importText(repo, serializePack(packOf('2', updated))));

  report({
    name: 'import a 10 000-template pack (Node, fake-indexeddb)',
    value: total,
    unit: 'ms',
    budget: 1000,
    details: {
      bytes: first.length,
      parseValidateMs: Math.round(steps.parseMs),
      previewDiffMs: Math.round(steps.previewMs),
      applyTransactionMs: Math.round(steps.applyMs),
      updateImportMs: Math.round(updateTotal),
    },
  });

  // 304: the whole sync (read subscription, request, status write) minus a bare fetch to the same server.
  const etag = '"bench-2"';
  const body = serializePack(packOf('2', updated));
  const server = createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Members follow public https addresses only: the bench's one is answered by the local server.
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = 'https://packs.example.com/bench.json';
  try {
    await repo.remove('bench');
    await repo.subscribe(url);
    const deps = { fetch: (u: string, init: RequestInit) => fetch(u.replace('https://packs.example.com', local), init), now: () => Date.now(), repo };
    const firstSync = await syncSubscription(url, deps);
    if (firstSync.kind !== 'applied') throw new Error(`bench sync: ${JSON.stringify(firstSync)}`);
    const syncs: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 30; i++) {
      const [outcome, ms] = await timed(() => syncSubscription(url, deps));
      if (outcome.kind !== 'unchanged') throw new Error('expected a 304');
      syncs.push(ms);
      const [, bareMs] = await timed(async () => (await fetch(`${local}/bench.json`, { headers: { 'if-none-match': etag } })).arrayBuffer());
      bare.push(bareMs);
    }
    const overhead = Math.max(0, percentile(syncs, 50) - percentile(bare, 50));
    report({
      name: 'pack sync answered 304: cost beyond the request',
      value: overhead,
      unit: 'ms',
      budget: 5,
      details: { syncP50Ms: percentile(syncs, 50).toFixed(2), bareFetchP50Ms: percentile(bare, 50).toFixed(2), samples: syncs.length },
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    db.close();
    await Dexie.delete(db.name);
  }
  return total;
}
