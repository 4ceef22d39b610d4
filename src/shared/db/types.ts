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
  source: 'personal' | 'starter';
  /** Accent- and case-folded title, body, tags and shortcut, kept by the repository for search. */
  searchText: string;
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
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
  responseSeconds: number | null;
  handleSeconds: number | null;
}

export interface Setting {
  key: string;
  value: unknown;
}
