// Bundled by bench/stats-export.ts and evaluated in the built extension's side panel page: seeds
// the extension origin's IndexedDB with reply events, then times exports while watching the main
// thread (long tasks and frame gaps). Never part of the extension build.
import { TonoDatabase } from '../src/shared/db/database';
import { SettingsRepo } from '../src/shared/db/repos/settings';
import type { ReplyEvent } from '../src/shared/db/types';
import { PLATFORMS } from '../src/shared/domain/platform';
import { calendarOf, defaultStatsConfig } from '../src/shared/domain/stats/config';
import { deriveTimes } from '../src/shared/domain/stats/event-times';
import { CSV_HEADER, csvRow } from '../src/shared/domain/stats/export-format';
import { watchMainThread, type MainThreadWatch } from './main-thread-watch';

const DAY = 86_400_000;
const db = new TonoDatabase();

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL = 10_000;
const WEEK = 7 * DAY;

/**
 * Events shaped as the worker records them (the default settings' business hours included).
 * Deriving business times costs tens of microseconds an event, so POOL events are derived and the
 * rest are copies moved by whole weeks (same weekday and hour), each with its own id and thread.
 */
function generator(now: number): (i: number) => ReplyEvent {
  const random = mulberry32(42);
  const calendar = calendarOf(defaultStatsConfig());
  const accounts = ['@marca', '@soporte', null];
  const pool = Array.from({ length: POOL }, (_, i): ReplyEvent => {
    const submittedAt = now - Math.floor(random() * 7 * DAY);
    const response = Math.round(10 * Math.exp(random() * 10)) * 1000;
    const templateId = random() < 0.4 ? `tpl-${i % 25}` : null;
    const raw = {
      commentAt: random() < 0.05 ? null : submittedAt - response,
      commentPrecision: 'exact' as const,
      firstFocusAt: submittedAt - Math.round(random() * 600_000),
      submittedAt,
    };
    return {
      id: '',
      platform: PLATFORMS[i % PLATFORMS.length]!,
      account: accounts[Math.floor(i / 9) % 3]!,
      threadHash: null,
      firstFocusAt: raw.firstFocusAt,
      submittedAt,
      templateId,
      drift: templateId === null ? null : Math.round(random() * 100) / 100,
      ...deriveTimes(raw, calendar),
    };
  });
  return (i) => {
    const base = pool[i % POOL]!;
    const shift = Math.floor(random() * 26) * WEEK; // within the last 26 weeks (half a year)
    return {
      ...base,
      id: `bench-${i.toString(36).padStart(6, '0')}`,
      threadHash: ((i * 2654435761) >>> 0).toString(16).padStart(64, '0'),
      submittedAt: base.submittedAt - shift,
      commentAt: base.commentAt === null ? null : base.commentAt - shift,
      firstFocusAt: base.firstFocusAt === null ? null : base.firstFocusAt - shift,
    };
  };
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tono');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function putAll(raw: IDBDatabase, events: ReplyEvent[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = raw.transaction('replyEvents', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('replyEvents');
    for (const event of events) store.put(event);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Writes `count` events with plain IndexedDB puts, `batch` per transaction, generating the next
 * batch while the previous one commits. Events only: the export never reads the rollups. The
 * worker's daily upkeep is marked as just run, so it does not rebuild rollups mid-benchmark.
 */
async function seed(count: number, batch = 50_000) {
  await db.open();
  await new SettingsRepo(db).set('upkeepRanAt', Date.now());
  await db.replyEvents.clear();
  const raw = await openRaw();
  const next = generator(Date.now());
  let generateMs = 0;
  const start = performance.now();
  let pending: Promise<void> = Promise.resolve();
  for (let from = 0; from < count; from += batch) {
    const t0 = performance.now();
    const events = Array.from({ length: Math.min(batch, count - from) }, (_, k) => next(from + k));
    generateMs += performance.now() - t0;
    await pending;
    pending = putAll(raw, events);
  }
  await pending;
  const totalMs = performance.now() - start;
  raw.close();
  return { stored: await db.replyEvents.count(), totalMs, generateMs };
}

/** Newlines in a Blob, read as a stream (no giant string), and its first line. */
async function lines(blob: Blob): Promise<{ newlines: number; firstLine: string }> {
  let newlines = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) newlines++;
  }
  const head = await blob.slice(0, 4096).text();
  return { newlines, firstLine: head.slice(0, head.indexOf('\n') + 1) };
}

interface Measured extends MainThreadWatch {
  totalMs: number;
  bytes: number;
  newlines: number;
  firstLine: string;
}

async function measure(run: () => Promise<Blob>): Promise<Measured> {
  const watch = watchMainThread();
  await watch.ready;
  const start = performance.now();
  const blob = await run();
  const totalMs = performance.now() - start;
  const main = await watch.stop();
  return { ...main, totalMs, bytes: blob.size, ...(await lines(blob)) };
}

/** Resolves with the next Blob the page turns into an object URL; stops its download link. */
function nextObjectUrlBlob(): Promise<Blob> {
  return new Promise((resolve) => {
    const create = URL.createObjectURL.bind(URL);
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      URL.createObjectURL = create;
      if (object instanceof Blob) resolve(object);
      return create(object);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download && this.href.startsWith('blob:')) {
        HTMLAnchorElement.prototype.click = click;
        return;
      }
      click.call(this);
    };
  });
}

/** The Stats view's own export: clicks its button (0 CSV, 1 JSON) until the file's Blob exists. */
function exportByClick(button: 0 | 1): Promise<Measured> {
  return measure(() => {
    const blob = nextObjectUrlBlob();
    const target = document.querySelectorAll<HTMLButtonElement>('.stats-export button')[button];
    if (!target) throw new Error('no export button');
    target.click();
    return blob;
  });
}

/** The naive export: every event in one toArray, one string, one Blob. */
function exportNaive(): Promise<Measured> {
  return measure(async () => {
    const events = await db.replyEvents.orderBy('[submittedAt+id]').toArray();
    const text = CSV_HEADER + events.map((e) => csvRow(e)).join('');
    return new Blob([text], { type: 'text/csv;charset=utf-8' });
  });
}

/** The same watch with nothing running: the noise floor of this machine. */
async function idle(ms: number): Promise<MainThreadWatch> {
  const watch = watchMainThread();
  await watch.ready;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return watch.stop();
}

Object.assign(globalThis, { tonoExportBench: { seed, exportByClick, exportNaive, idle } });
