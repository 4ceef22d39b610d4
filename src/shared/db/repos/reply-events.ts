import Dexie from 'dexie';
import { rebuildRollupTable } from '../rollup-rebuild';
import { ANSWERED_KEY, PENDING_KEY } from './pending';
import { calendarOf, normalizeStatsConfig, statsConfigFingerprint, type StatsConfig } from '../../domain/stats/config';
import { deriveTimes } from '../../domain/stats/event-times';
import {
  applyToRow,
  emptyRow,
  kindKeyRange,
  ROLLUP_KINDS,
  rollupSlotsFor,
  rowsFromEvents,
  slotHolds,
  type RollupRow,
  type RollupSlot,
} from '../../domain/stats/rollup';
import { decodeRollup, encodeRollup, isValidStoredRollup } from '../../domain/stats/rollup-codec';
import { addDays, localToInstant, parseDayKey } from '../../domain/stats/zone';
import type { TonoDatabase } from '../database';
import type { ReplyEvent } from '../types';

/** What a caller records: raw times and ids. Every duration is (re)derived here from the raw times. */
export type ReplyEventInput = Omit<
  ReplyEvent,
  'responseSeconds' | 'handleSeconds' | 'businessResponseSeconds' | 'businessHandleSeconds'
> &
  Partial<ReplyEvent>;

/** The browser refused to store more: nothing of the failed write was kept. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('Storage is full: this reply was not recorded. Free some space or delete old data in Tono’s settings.', { cause });
    this.name = 'StorageFullError';
  }
}

function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { name, inner, cause } = e as { name?: string; inner?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner ?? cause;
  }
  return false;
}

async function quotaChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError(error) : error;
  }
}

const DERIVED_KEYS = [
  'id', 'platform', 'account', 'threadHash', 'commentAt', 'commentPrecision', 'firstFocusAt', 'submittedAt',
  'templateId', 'drift', 'responseSeconds', 'handleSeconds', 'businessResponseSeconds', 'businessHandleSeconds',
] as const satisfies ReadonlyArray<keyof ReplyEvent>;

const sameEvent = (a: ReplyEvent, b: ReplyEvent) => DERIVED_KEYS.every((key) => a[key] === b[key]);

/**
 * The only code that writes reply events. Every write updates `statRollups` in the same
 * transaction, so the rollups can never count an event that is not stored or miss one that is.
 */
export class ReplyEventsRepo {
  /** The settings the last record read: a guess of the next one's rollup rows, checked before use. */
  private lastConfig: StatsConfig | null = null;

  constructor(private readonly db: TonoDatabase) {}

  private async config(): Promise<StatsConfig> {
    return normalizeStatsConfig((await this.db.settings.get('responseTimeConfig'))?.value);
  }

  /**
   * Records one confirmed reply. Idempotent on the event id: the same event again is a no-op (a
   * duplicate submit signal counts once); a changed one replaces the old row and its contribution.
   * Throws StorageFullError (and writes nothing) when the quota is exhausted.
   */
  record(input: ReplyEventInput): Promise<ReplyEvent> {
    const { db } = this;
    return quotaChecked(() =>
      db.transaction('rw', db.replyEvents, db.statRollups, db.settings, async () => {
        // Independent reads go out together: each round trip to IndexedDB costs about a millisecond.
        // The rollup rows are guessed from the last settings (the time zone decides their day).
        const guessed = this.lastConfig ? rollupSlotsFor(input, this.lastConfig).map((slot) => slot.key) : [];
        const [config, previous, guessedRows] = await Promise.all([
          this.config(),
          db.replyEvents.get(input.id),
          guessed.length ? db.statRollups.bulkGet(guessed) : Promise.resolve([]),
        ]);
        this.lastConfig = config;
        const event: ReplyEvent = {
          id: input.id,
          platform: input.platform,
          account: input.account,
          threadHash: input.threadHash,
          firstFocusAt: input.firstFocusAt,
          submittedAt: input.submittedAt,
          templateId: input.templateId,
          drift: input.templateId === null ? null : (input.drift ?? null),
          ...deriveTimes(input, calendarOf(config)),
        };
        if (previous && sameEvent(previous, event)) return previous;

        const oldSlots = previous ? rollupSlotsFor(previous, config) : [];
        const newSlots = rollupSlotsFor(event, config);
        const slots = new Map<string, RollupSlot>([...oldSlots, ...newSlots].map((slot) => [slot.key, slot]));
        // Rows whose min/max a removal made unknown, or that were stored corrupted: rebuilt from events.
        const stale = new Set<string>();
        const rows = new Map<string, RollupRow>();
        const keys = [...slots.keys()];
        // Read in this same transaction, so a right guess is as current as a fresh read.
        const rightGuess = keys.length === guessed.length && keys.every((key, i) => key === guessed[i]);
        const stored = rightGuess ? guessedRows : await db.statRollups.bulkGet(keys);
        [...slots.values()].forEach((slot, i) => {
          const found = stored[i];
          if (found && !isValidStoredRollup(found)) stale.add(slot.key);
          rows.set(slot.key, found && !stale.has(slot.key) ? decodeRollup(found) : emptyRow(slot));
        });
        if (previous) {
          for (const slot of oldSlots) if (!applyToRow(rows.get(slot.key)!, previous, config, -1)) stale.add(slot.key);
        }
        const putting = db.replyEvents.put(event);
        for (const slot of newSlots) applyToRow(rows.get(slot.key)!, event, config, 1);
        if (stale.size > 0) await putting; // a rebuilt row counts the event just written
        for (const key of stale) {
          const rebuilt = await this.rowFromEvents(rows.get(key)!, config);
          rows.set(key, rebuilt ?? { ...rows.get(key)!, count: 0 });
        }
        await Promise.all([putting, this.writeRows([...rows.values()])]);
        return event;
      }),
    );
  }

  private async writeRows(rows: RollupRow[]): Promise<void> {
    const keep = rows.filter((row) => row.count > 0);
    const drop = rows.filter((row) => row.count <= 0).map((row) => row.key);
    if (keep.length) await this.db.statRollups.bulkPut(keep.map(encodeRollup));
    if (drop.length) await this.db.statRollups.bulkDelete(drop);
  }

  /** Recomputes one rollup row from the events of its local day (used when min/max went stale). */
  private async rowFromEvents(row: RollupRow, config: StatsConfig): Promise<RollupRow | undefined> {
    const date = parseDayKey(row.day)!;
    const next = parseDayKey(addDays(row.day, 1))!;
    const from = localToInstant(config.timeZone, date, 0);
    const to = localToInstant(config.timeZone, next, 0);
    const events = await this.db.replyEvents
      .where('[submittedAt+id]')
      .between([from, Dexie.minKey], [to, Dexie.minKey], true, false)
      .filter((e) => slotHolds(row, e))
      .toArray();
    return rowsFromEvents(events, config).get(row.key);
  }

  /** Rebuilds every rollup from the events (after corruption, or a settings change), atomically. */
  rebuildRollups(): Promise<number> {
    const { db } = this;
    return quotaChecked(() =>
      db.transaction('rw', db.replyEvents, db.statRollups, db.settings, async () => {
        return rebuildRollupTable(db.replyEvents, db.statRollups, await this.config());
      }),
    );
  }

  /**
   * Re-derives every event's durations with the current settings, in chunks of `chunk` events (one
   * transaction each, so the worker and the UI stay responsive), then rebuilds the rollups.
   */
  async recomputeAll(onProgress?: (done: number, total: number) => void, chunk = 2000): Promise<void> {
    const { db } = this;
    const config = await this.config();
    const calendar = calendarOf(config);
    const total = await db.replyEvents.count();
    let done = 0;
    let after: string | null = null;
    for (;;) {
      const lastKey: string | null = await quotaChecked(() =>
        db.transaction('rw', db.replyEvents, async () => {
          const query = after === null ? db.replyEvents.orderBy(':id') : db.replyEvents.where(':id').above(after);
          const page = await query.limit(chunk).toArray();
          const changed = page
            .map((event) => ({ ...event, ...deriveTimes(event, calendar) }))
            .filter((event, i) => !sameEvent(event, page[i]!));
          if (changed.length) await db.replyEvents.bulkPut(changed);
          done += page.length;
          return page.length ? page[page.length - 1]!.id : null;
        }),
      );
      onProgress?.(Math.min(done, total), total);
      if (lastKey === null) break;
      after = lastKey;
    }
    await this.rebuildRollups();
    await db.settings.put({ key: 'responseTimeApplied', value: statsConfigFingerprint(config) });
  }

  /** Deletes events submitted before `cutoff` and the rollup days before `cutoffDay`, together. */
  deleteBefore(cutoff: number, cutoffDay: string): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.replyEvents, db.statRollups, async () => {
      const removed = await db.replyEvents.where('[submittedAt+id]').below([cutoff, Dexie.minKey]).delete();
      for (const kind of ROLLUP_KINDS) {
        // Every day of this kind before cutoffDay: from the bare prefix to the cutoff day's first key.
        const [firstOfCutoffDay] = kindKeyRange(kind, cutoffDay, cutoffDay);
        await db.statRollups.where(':id').between(`${kind}|`, firstOfCutoffDay, true, false).delete();
      }
      return removed;
    });
  }

  /** Every reply event, every rollup and the waiting list, in one transaction (part of deletePersonalData). */
  deleteAll(): Promise<void> {
    const { db } = this;
    return db.transaction('rw', db.replyEvents, db.statRollups, db.settings, async () => {
      await db.replyEvents.clear();
      await db.statRollups.clear();
      await db.settings.bulkDelete([PENDING_KEY, ANSWERED_KEY]);
    });
  }

  /** Events in (submittedAt, id) order after a cursor: what exports stream through. */
  page(after: [number, string] | null, limit: number): Promise<ReplyEvent[]> {
    const table = this.db.replyEvents;
    const query = after ? table.where('[submittedAt+id]').above(after) : table.orderBy('[submittedAt+id]');
    return query.limit(limit).toArray();
  }

  recent(limit: number): Promise<ReplyEvent[]> {
    return this.db.replyEvents.orderBy('[submittedAt+id]').reverse().limit(limit).toArray();
  }

  count(): Promise<number> {
    return this.db.replyEvents.count();
  }
}
