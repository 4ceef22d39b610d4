import type { CommentTimePrecision } from '../domain/response-time';
import type { Platform } from '../domain/platform';

export type Lang = 'es' | 'en';

/** An approved reply. `source` tells personal items from ones that arrived with a team pack. */
export interface Template {
  id: string;
  title: string;
  body: string;
  /** Typed in a reply box and followed by Tab to expand; stored normalized (folded, trimmed). */
  shortcut: string;
  tags: string[];
  platforms: Platform[];
  lang: Lang;
  source: 'personal' | 'starter' | 'pack';
  /** Rows installed by a team pack carry its id; they are read-only and replaced by the next version. */
  packId?: string | null;
  /** The item's id inside its pack, stable across versions. */
  packItemId?: string;
  /** A personal copy of a pack item: where it came from and a fingerprint of it then, so a later team change shows. */
  copiedFrom?: { packId: string; itemId: string; fingerprint: string };
  /** Accent- and case-folded title, body, tags and shortcut, kept by the repository for search. */
  searchText: string;
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Pinned by the user: listed first when nothing is searched. Not indexed. */
  favorite?: boolean;
  /**
   * Language variants of one reply (es/en, es-MX, usted…) share a group id; the panel lists the
   * group once and the comment's language picks which variant goes in. Indexed (migration 005).
   */
  variantGroup?: string;
  /** What tells this variant apart in its group ("es-MX", "usted"); empty: its language. */
  variantLabel?: string;
}

/** One confirmed reply. Holds timings and ids only: never comment or reply text. */
export interface ReplyEvent {
  id: string;
  platform: Platform;
  /** The brand account that replied, when the page shows it. */
  account: string | null;
  /** A hash of the permalink, so two replies to one thread can be told apart without storing URLs. */
  threadHash: string | null;
  commentAt: number | null;
  commentPrecision: CommentTimePrecision;
  firstFocusAt: number | null;
  submittedAt: number;
  templateId: string | null;
  /** How far the sent text drifted from the template (0..1), when a template was used. Not indexed. */
  drift?: number | null;
  responseSeconds: number | null;
  handleSeconds: number | null;
  /**
   * The same durations counted in business hours only; null when no hours are set. Always written
   * by the repository (recomputed when settings change); optional only for rows built elsewhere.
   */
  businessResponseSeconds?: number | null;
  businessHandleSeconds?: number | null;
}

export interface Setting {
  key: string;
  value: unknown;
}
