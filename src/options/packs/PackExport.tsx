import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PackExport as LastExport } from '../../shared/db/repos/packs';
import { buildPack, bumpVersion, diffPack, dropCommonShortcuts, parsePackValue, serializePack, templatesInScope, type ExportScope, type Pack, type PackError } from '../../shared/domain/pack';
import { t } from '../../shared/ui/i18n';
import { useLiveQuery } from '../../shared/ui/use-live-query';
import { useGuideStore } from '../guide/use-guide-store';
import { downloadText } from './download';
import { packErrorText } from './error-text';
import { PackPreview } from './PackPreview';
import { packsRepo } from './repo';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Replies ticked in the library's list, sent here by its "Export as team pack" button. */
export interface ExportRequest {
  ids: readonly string[];
}

// The scope select's values: "" is the whole library; tags are prefixed so no tag name collides.
const TICKED = 'ticked';
const TAG_PREFIX = 'tag:';

function scopeOf(value: string, ticked: readonly string[]): ExportScope {
  if (value === TICKED) return { kind: 'ticked', ids: ticked };
  if (value.startsWith(TAG_PREFIX)) return { kind: 'tag', tag: value.slice(TAG_PREFIX.length) };
  return { kind: 'all' };
}

/**
 * Team lead: the library (or one tag of it, or the replies ticked in its list) as a pack file,
 * with a bumped version and the diff against the last export of the same pack id shown before
 * downloading.
 */
export function PackExport(props: { request?: ExportRequest | null }) {
  const [id, setId] = useState('mi-equipo');
  const [name, setName] = useState('');
  const [scopeValue, setScopeValue] = useState('');
  const ticked = props.request?.ids ?? [];
  const scopeSelect = useRef<HTMLSelectElement>(null);
  const [version, setVersion] = useState('');
  const [last, setLast] = useState<LastExport | null>(null);
  const [error, setError] = useState<PackError | null>(null);
  const [done, setDone] = useState('');
  // A team lead publishes the personal guide this way; otherwise the last export's guide carries on.
  const [withGuide, setWithGuide] = useState(true);
  const personal = useGuideStore().guide;
  const hasGuide = Boolean(personal && (personal.sections.length > 0 || personal.rules.length > 0));
  const includeGuide = hasGuide && withGuide;
  const library = useLiveQuery(() => packsRepo().libraryTemplates(), []).value ?? [];
  const tags = useMemo(() => [...new Set(library.flatMap((tpl) => tpl.tags))].sort(), [library]);

  // A new request from the library selects its replies and brings the form into view.
  useEffect(() => {
    if (!props.request) return;
    setScopeValue(TICKED);
    setDone('');
    scopeSelect.current?.scrollIntoView({ block: 'center' });
    scopeSelect.current?.focus();
  }, [props.request]);

  // The previous export of this id decides the suggested version and the guide carried forward.
  useEffect(() => {
    let live = true;
    void packsRepo()
      .lastExport(id)
      .then((previous) => {
        if (!live) return;
        setLast(previous ?? null);
        setVersion(bumpVersion(previous?.pack.version ?? null, new Date()));
        if (previous) setName(previous.pack.name);
      });
    return () => {
      live = false;
    };
  }, [id]);

  const scoped = templatesInScope(library, scopeOf(scopeValue, ticked));
  const selected = scoped.templates;
  const pack: Pack = buildPack({
    id,
    name: name || id,
    version,
    updatedAt: new Date().toISOString(),
    templates: selected,
    guidelines: includeGuide ? personal?.sections : last?.pack.guidelines,
    rules: includeGuide ? personal?.rules : last?.pack.rules,
  });
  const diff = diffPack(last ? { version: last.pack.version, templates: last.pack.templates, guidelines: last.pack.guidelines } : null, pack);
  // Members' Tono installs these replies without their shortcut: say so before the lead publishes.
  const commonWords = dropCommonShortcuts(pack).dropped;

  async function download() {
    setDone('');
    // The export must be importable: run it through the same validation members will.
    const checked = parsePackValue(pack);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    const fileName = `${pack.id}-${pack.version}.json`;
    downloadText(fileName, serializePack(checked.value));
    await packsRepo().recordExport(checked.value);
    setLast({ id: pack.id, pack: checked.value, exportedAt: Date.now() });
    setVersion(bumpVersion(pack.version, new Date()));
    setDone(t('packsExportDone', fileName));
  }

  return (
    <div class="packs-block">
      <h3>{t('packsExportHeading')}</h3>
      <div class="packs-form">
        <label for="export-id">{t('packsExportId')}</label>
        <input id="export-id" value={id} maxLength={64} onInput={(e) => setId(e.currentTarget.value.trim())} />
        <label for="export-name">{t('packsExportName')}</label>
        <input id="export-name" value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="export-version">{t('packsExportVersion')}</label>
        <input id="export-version" value={version} maxLength={64} onInput={(e) => setVersion(e.currentTarget.value.trim())} />
        <label for="export-tag">{t('packsExportTag')}</label>
        <select id="export-tag" ref={scopeSelect} value={scopeValue} aria-describedby="export-left-out" onChange={(e) => setScopeValue(e.currentTarget.value)}>
          <option value="">{t('packsExportAllTags')}</option>
          {ticked.length > 0 && <option value={TICKED}>{t('packsExportTicked', String(ticked.length))}</option>}
          {tags.length > 0 && (
            <optgroup label={t('packsExportTagGroup')}>
              {tags.map((name) => (
                <option key={name} value={TAG_PREFIX + name}>
                  {name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <p class="hint" id="export-left-out">
        {scoped.leftOut > 0 ? t('packsExportLeftOut', String(scoped.leftOut)) : ''}
      </p>
      {hasGuide && (
        <label class="check">
          <input type="checkbox" checked={withGuide} onChange={(e) => setWithGuide(e.currentTarget.checked)} />
          {t('packsExportWithGuide')}
        </label>
      )}
      <h4>{last ? t('packsExportPreview') : t('packsExportFirst')}</h4>
      <PackPreview name={pack.name} diff={diff} />
      {commonWords.length > 0 ? <p class="hint">{t('packsExportCommonWords', commonWords.join(', '))}</p> : null}
      <p role="alert" class="packs-error">
        {error ? packErrorText(error) : ''}
      </p>
      <div class="row">
        <button type="button" onClick={() => void download()} disabled={selected.length === 0 || !ID_PATTERN.test(id) || !version}>
          {t('packsExportDownload')}
        </button>
        <span role="status">{selected.length === 0 ? t('packsExportEmpty') : done}</span>
      </div>
    </div>
  );
}
