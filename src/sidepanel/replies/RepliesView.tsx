import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TemplatesRepo } from '../../shared/db/repos/templates';
import type { Lang, Template } from '../../shared/db/types';
import type { ReplyTarget } from '../../shared/messages/protocol';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';
import { byUsage, type SearchFilters, type SearchHits } from '../../shared/domain/search/template-search';
import { rankForComment } from '../../shared/domain/suggest';
import { foldText } from '../../shared/domain/text';
import { t } from '../../shared/ui/i18n';
import { TemplateForm, fieldsOf } from '../../shared/ui/TemplateForm';
import { usePreviewContext } from '../../shared/ui/use-preview-context';
import { BulkBar } from './BulkBar';
import { PREVIEW_HEIGHT, ROW_HEIGHT, ReplyRow, type RowActions } from './ReplyRow';
import { duplicateFields, saveFields, variantFields, type Editing } from './use-library-actions';
import { useActiveRow } from './use-active-row';
import { useSearchIndex } from './use-search-index';
import { listKeyDown, useSelection } from './use-selection';
import { useVariants } from './use-variants';
import { collapseVariants } from '../../shared/domain/variants';
import type { Status } from '../../shared/ui/status';
import { VirtualList } from './VirtualList';
import type { ShellRowAction } from '../boot/shell';
import './replies.css';

/** Above this many replies, suggestions would cost more than a frame: usage order stays. */
const SUGGEST_LIMIT = 5000;

/** The library ordered for the comment being answered (and crisis replies first in a crisis). */
function suggestedOrder(byUsageOrder: Template[], comment: string, crisis: boolean): Template[] {
  const ranked = comment && byUsageOrder.length <= SUGGEST_LIMIT ? rankForComment(byUsageOrder, comment) : byUsageOrder;
  if (!crisis) return ranked;
  const isCrisis = (template: Template) => template.tags.some((tag) => foldText(tag) === 'crisis');
  return [...ranked.filter(isCrisis), ...ranked.filter((template) => !isCrisis(template))];
}

/** The Replies view: search as you type, keyboard selection, and the library editor. */
export function RepliesView(props: {
  repo: TemplatesRepo;
  templates: Template[] | undefined;
  /** The comment being answered: with no query typed, the best-matching replies come first. */
  comment?: string;
  /** The comment carries crisis signals: crisis replies (tag "crisis") come first. */
  crisis?: boolean;
  /** The reply box being answered: previews fill the variables from its comment. */
  target?: ReplyTarget | null;
  /** Inserts into the reply box; without it (the options page) a row opens its editor instead. */
  onInsert?: (template: Template) => void;
  onCopy: (template: Template) => void;
  onStatus: (status: Status) => void;
  /** Focus the search box when shown (the side panel); the options page keeps its own focus. */
  autoFocus?: boolean;
  /** The options page: sends the ticked replies to the team-pack export. */
  onExportSelection?: (ids: string[]) => void;
  /** Taking over from the side panel's shell: what was typed there, the caret, a New clicked. */
  takeOver?: { query: string; selection: readonly [number, number] | null; startNew: boolean; rowAction: { id: string; action: ShellRowAction } | null };
}) {
  const { repo, templates, takeOver } = props;
  const [query, setQuery] = useState(takeOver?.query ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [editing, setEditing] = useState<Editing>(takeOver?.startNew ? { kind: 'new', from: null } : null);
  const baseline = useRef<{ updatedAt: number | null }>({ updatedAt: null });
  const search = useRef<HTMLInputElement>(null);
  const getIndex = useSearchIndex(templates);

  const filtered = Boolean(query.trim() || filters.lang || filters.tag || filters.platform);
  // The comment orders the list only while nothing is searched: a search does not rerun for it.
  const comment = filtered ? '' : (props.comment ?? '');
  const crisis = filtered ? false : (props.crisis ?? false);
  const ranked = useMemo((): SearchHits<Template> => {
    if (!templates) return [];
    // Ranked lazily: only the rows the list draws become objects (see TemplateSearch.find).
    if (filtered) return getIndex().find(query, filters);
    return suggestedOrder([...templates].sort(byUsage), comment, crisis);
  }, [templates, getIndex, query, filters, filtered, comment, crisis]);
  // Each group of language variants once, as the variant for this comment (or the one picked).
  const variants = useVariants(templates, props.comment ?? '');
  const results = useMemo(
    () => collapseVariants(ranked, variants.groups, variants.prefs, variants.chosen),
    [ranked, variants.groups, variants.prefs, variants.chosen],
  );
  const tags = useMemo(() => {
    const set = new Set<string>();
    for (const template of templates ?? []) for (const tag of template.tags) set.add(tag);
    return [...set].sort((a, b) => a.localeCompare(b));
  }, [templates]);

  const selection = useSelection(results, templates);
  const [active, setActive] = useActiveRow(results, `${query}\u0000${filters.lang ?? ''}\u0000${filters.tag ?? ''}\u0000${filters.platform ?? ''}`);
  const preview = usePreviewContext(props.target);
  // The open preview belongs to one row of one result list.
  const [previewing, setPreviewing] = useState<{ id: string; index: number } | null>(null);

  useEffect(() => setPreviewing(null), [ranked]);
  // The shell's search box had the focus: this one takes it, caret and all, in the same task.
  useLayoutEffect(() => {
    const input = search.current;
    if (!input || !takeOver?.selection) return;
    input.focus();
    input.setSelectionRange(...takeOver.selection);
  }, []);
  // A row button clicked in the shell is pressed now.
  useEffect(() => {
    const pending = takeOver?.rowAction;
    const template = pending && templates?.find((row) => row.id === pending.id);
    if (pending && template) void actions[pending.action](template);
  }, []);
  // Back from the editor, the search box takes the focus; on first show only where asked to.
  const focusSearch = useRef(props.autoFocus ?? true);
  useEffect(() => {
    if (!editing && focusSearch.current) search.current?.focus();
    focusSearch.current = true;
  }, [editing]);

  const actions: RowActions = {
    // Team-pack replies are read-only: where there is no box to insert into, they open as a copy.
    insert: (template) => (props.onInsert ? props.onInsert(template) : template.source === 'pack' ? actions.duplicate(template) : actions.edit(template)),
    copy: props.onCopy,
    edit(template) {
      baseline.current = { updatedAt: template.updatedAt };
      setEditing({ kind: 'edit', template });
    },
    duplicate(template) {
      setEditing({ kind: 'new', from: template });
    },
    addVariant(template) {
      setEditing({ kind: 'new', from: template, variantOf: template });
    },
    async remove(template) {
      await repo.remove(template.id);
      props.onStatus({
        text: t('libDeleted'),
        undo: () => void repo.restore(template).then(() => props.onStatus({ text: t('libRestored') })),
      });
    },
    async toggleFavorite(template) {
      await repo.setFavorite(template.id, !template.favorite);
    },
  };

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(results.length - 1, Math.max(0, current + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results.at(active);
      if (chosen) actions.insert(chosen);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  }

  if (editing) {
    const initial =
      editing.kind === 'edit'
        ? fieldsOf(editing.template)
        : editing.variantOf
          ? variantFields(editing.variantOf)
          : editing.from
            ? duplicateFields(editing.from)
            : fieldsOf(null);
    const current = editing.kind === 'edit' ? editing.template : (editing.variantOf ?? null);
    const members = current?.variantGroup ? variants.groups.get(current.variantGroup) : undefined;
    return (
      <TemplateForm
        initial={initial}
        key={editing.kind === 'edit' ? editing.template.id : `new:${editing.variantOf?.id ?? ''}`}
        heading={
          editing.kind === 'edit' ? t('libFormEditHeading') : editing.variantOf ? t('libVariantNewHeading', editing.variantOf.title) : t('libFormNewHeading')
        }
        variants={
          current && (members || editing.kind === 'edit')
            ? {
                members: members ?? [current],
                current: editing.kind === 'edit' ? current.id : null,
                onOpen: (template) => (template.source === 'pack' ? undefined : actions.edit(template)),
                onAdd: current.source === 'pack' ? undefined : () => actions.addVariant(current),
              }
            : undefined
        }
        preview={preview}
        onCancel={() => setEditing(null)}
        onSave={async (fields) => {
          const error = await saveFields(repo, editing, fields, baseline.current);
          if (!error) {
            setEditing(null);
            props.onStatus({ text: t('libSaved') });
          }
          return error;
        }}
      />
    );
  }

  const setFilter = (key: keyof SearchFilters, value: string) => setFilters({ ...filters, [key]: value || null });
  return (
    <div class="replies-view">
      <div class="search-row">
        <label class="search">
          <span class="visually-hidden">{t('panelSearchLabel')}</span>
          <input
            ref={search}
            type="search"
            value={query}
            placeholder={t('panelSearchPlaceholder')}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            aria-controls={results.length > 0 ? 'reply-results' : undefined}
            aria-describedby="keyboard-hint"
            autofocus={props.autoFocus ?? true}
          />
        </label>
        <button type="button" class="primary new-reply" onClick={() => setEditing({ kind: 'new', from: null })}>
          {t('libNew')}
        </button>
      </div>
      <div class="filters">
        <label>
          {t('libFilterLang')}
          <select value={filters.lang ?? ''} onChange={(e) => setFilter('lang', e.currentTarget.value as Lang | '')}>
            <option value="">{t('libFilterAny')}</option>
            <option value="es">{t('libLangEs')}</option>
            <option value="en">{t('libLangEn')}</option>
          </select>
        </label>
        <label>
          {t('libFilterTag')}
          <select value={filters.tag ?? ''} onChange={(e) => setFilter('tag', e.currentTarget.value)}>
            <option value="">{t('libFilterAny')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('libFilterPlatform')}
          <select value={filters.platform ?? ''} onChange={(e) => setFilter('platform', e.currentTarget.value as Platform | '')}>
            <option value="">{t('libFilterAny')}</option>
            {PLATFORMS.filter((p) => p !== 'other').map((platform) => (
              <option key={platform} value={platform}>
                {platform}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="keyboard-hint" class="hint">
        {props.onInsert ? t('libKeyboardHint') : t('libKeyboardHintEdit')} {t('libBulkHint')}
      </p>
      <BulkBar repo={repo} selection={selection} tags={tags} onStatus={props.onStatus} onExport={props.onExportSelection} />
      <p class="results-count" aria-live="polite">
        {templates ? t('libResultsCount', String(results.length)) : ''}
      </p>
      {templates === undefined ? (
        <p class="empty">{t('panelLoading')}</p>
      ) : templates.length === 0 ? (
        <p class="empty">{t('libEmptyLibrary')}</p>
      ) : results.length === 0 ? (
        <p class="empty">{t('panelNoMatches')}</p>
      ) : (
        <div class="results-keys" onKeyDown={(event) => listKeyDown(event, selection, active, results.length, setActive)}>
          <VirtualList
            id="reply-results"
            label={t('panelRepliesLabel')}
            items={results}
            rowHeight={ROW_HEIGHT}
            active={active}
            tall={previewing && { index: previewing.index, extra: PREVIEW_HEIGHT }}
            renderRow={(template, index) => (
              <ReplyRow
                key={template.id}
                template={template}
                index={index}
                selected={index === active}
                actions={actions}
                activateHint={props.onInsert ? t('panelInsertHint') : t('libEditHint')}
              ticked={selection.has(template.id)}
                onTick={(range) => {
                  setActive(index);
                  selection.toggle(index, range);
                }}
                preview={previewing?.id === template.id ? preview : null}
                variants={
                  template.variantGroup && variants.groups.has(template.variantGroup)
                    ? { members: variants.groups.get(template.variantGroup)!, onChoose: (member) => variants.choose(template.variantGroup!, member.id) }
                    : null
                }
                onPreview={() => {
                  setActive(index);
                  setPreviewing(previewing?.id === template.id ? null : { id: template.id, index });
                }}
              />
            )}
          />
        </div>
      )}
    </div>
  );
}
