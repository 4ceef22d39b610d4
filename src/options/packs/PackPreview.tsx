import type { PackDiff, PackField } from '../../shared/domain/pack';
import { t, type MessageKey } from '../../shared/ui/i18n';

const SHOWN = 50;
const FIELD_KEYS: Record<PackField, MessageKey> = {
  title: 'packsFieldTitle',
  body: 'packsFieldBody',
  shortcut: 'packsFieldShortcut',
  tags: 'packsFieldTags',
  platforms: 'packsFieldPlatforms',
  lang: 'packsFieldLang',
};

function Items({ heading, items }: { heading: string; items: { key: string; label: string; detail?: string }[] }) {
  if (items.length === 0) return null;
  return (
    <details open={items.length <= 10}>
      <summary>
        {heading} ({items.length})
      </summary>
      <ul class="packs-items">
        {items.slice(0, SHOWN).map((item) => (
          <li key={item.key}>
            {item.label}
            {item.detail ? <span class="hint"> — {item.detail}</span> : null}
          </li>
        ))}
        {items.length > SHOWN ? <li class="hint">{t('packsMore', String(items.length - SHOWN))}</li> : null}
      </ul>
    </details>
  );
}

const label = (t: { title: string; shortcut: string }) => (t.shortcut ? `${t.title} (${t.shortcut})` : t.title);

/** What applying a pack would add, change and remove; every value is rendered as text. */
export function PackPreview({ name, diff }: { name: string; diff: PackDiff }) {
  return (
    <div class="packs-preview">
      <p>
        <strong>
          {diff.fromVersion === null ? t('packsPreviewNew', name, diff.toVersion) : t('packsPreviewUpdate', name, diff.fromVersion, diff.toVersion)}
        </strong>
      </p>
      <p>{t('packsPreviewCounts', String(diff.added.length), String(diff.changed.length), String(diff.removed.length), String(diff.unchanged))}</p>
      <p class="hint">{t('packsPreviewGuidelines', String(diff.guidelines.added), String(diff.guidelines.changed), String(diff.guidelines.removed))}</p>
      <Items heading={t('packsAdded')} items={diff.added.map((a) => ({ key: a.id, label: label(a) }))} />
      <Items
        heading={t('packsChanged')}
        items={diff.changed.map((c) => ({ key: c.after.id, label: label(c.after), detail: c.fields.map((f) => t(FIELD_KEYS[f])).join(', ') }))}
      />
      <Items heading={t('packsRemoved')} items={diff.removed.map((r) => ({ key: r.id, label: label(r) }))} />
    </div>
  );
}
