import type { Pack } from './format';

/**
 * Most characters of team packs one browser keeps, all packs together, in the units of the
 * 10 MB limit on one pack file: room for four packs of the largest size, and a bound no host
 * (or set of hosts) can push past to eat the storage quota the member's own replies and
 * response-time records need.
 */
export const MAX_TOTAL_PACK_SIZE = 40 * 1024 * 1024;

/**
 * About how many characters a pack's file takes: its texts, a little per reply for the JSON
 * around them, and its rules. One pass, no serialising of 10 000 replies, so cheap on every apply.
 */
export function packSize(pack: Pick<Pack, 'name' | 'version' | 'rules' | 'guidelines' | 'templates'>): number {
  let size = pack.name.length + pack.version.length + JSON.stringify(pack.rules).length;
  for (const guide of pack.guidelines) size += guide.title.length + guide.body.length;
  for (const t of pack.templates) {
    size += 100 + t.id.length + t.title.length + t.body.length + t.shortcut.length + (t.variantGroup?.length ?? 0) + (t.variantLabel?.length ?? 0);
    for (const tag of t.tags) size += tag.length + 3;
  }
  return size;
}
