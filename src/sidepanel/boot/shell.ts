import type { Template } from '../../shared/db/types';
import { byUsage } from '../../shared/domain/search/template-search';
import { collapseVariants, regionOf, variantGroups } from '../../shared/domain/variants';
import { nativeMessage, nativeUiLanguage } from '../../shared/browser/native-i18n';
import type { MessageKey } from '../../shared/ui/i18n';
import { PLATFORMS } from '../../shared/domain/platform';
import { inIdOrder } from './first-screen-size';

/** What the user did in the shell before the panel took over; the panel does it then. */
export type PendingAction =
  | { kind: 'insert'; id: string }
  | { kind: 'row'; id: string; action: ShellRowAction }
  | { kind: 'new' }
  | { kind: 'view'; key: string };

/** Row buttons the shell draws that the panel can replay (ticking and previews are not replayed). */
export type ShellRowAction = 'toggleFavorite' | 'copy' | 'edit' | 'duplicate' | 'remove';

/**
 * The side panel's first frame, drawn with plain DOM before the panel's own script (Preact,
 * Dexie and the rest, most of its weight) has loaded: the same header, tabs, search box and
 * first rows the panel draws, so the search box takes typing at once. The panel takes over in
 * one task (see App's `useShellHandover`): it starts from the shell's rows, query and caret,
 * performs the one action clicked meanwhile, and removes the shell before the next frame.
 */
export interface Shell {
  /** The first screenful as read (null: not read, the panel reads it itself). */
  rows: Template[] | null;
  readonly query: string;
  readonly selection: readonly [number, number] | null;
  readonly hadFocus: boolean;
  pending: PendingAction | null;
  showRows(rows: Template[]): void;
  retire(): void;
}

const t = (key: MessageKey, ...substitutions: string[]) => nativeMessage(key, ...substitutions);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Draws the shell before `before` (the panel's root) and focuses its search box. */
export function drawShell(before: HTMLElement): Shell {
  const search = el('input', { type: 'search', placeholder: t('panelSearchPlaceholder'), 'aria-describedby': 'boot-keyboard-hint' });
  const list = el('ul', { class: 'replies', 'aria-label': t('panelRepliesLabel') });
  const count = el('p', { class: 'results-count', 'aria-live': 'polite' });
  const loading = el('p', { class: 'empty' }, t('panelLoading'));
  const option = (value: string, label: string) => el('option', { value }, label);
  const select = (...options: HTMLOptionElement[]) => el('select', {}, option('', t('libFilterAny')), ...options);
  const tagSelect = select();
  const tabs = (['replies', 'guide', 'stats'] as const).map((key) =>
    el('button', { type: 'button', role: 'tab', 'data-view': key, 'aria-selected': String(key === 'replies'), tabindex: key === 'replies' ? '0' : '-1' }, t(key === 'replies' ? 'libTabReplies' : key === 'guide' ? 'libTabGuide' : 'libTabStats')),
  );
  const newReply = el('button', { type: 'button', class: 'primary new-reply' }, t('libNew'));
  const root = el(
    'div',
    { class: 'boot-shell' },
    el(
      'main',
      { class: 'panel' },
      el('header', { class: 'panel-header' }, el('h1', {}, 'Tono'), el('p', { class: 'tagline' }, t('panelTagline'))),
      el('p', { class: 'reply-target empty' }, t('panelNoTarget')),
      el('div', { class: 'status-row' }, el('p', { class: 'status', role: 'status' })),
      el('div', { class: 'tabs', role: 'tablist', 'aria-label': t('libViewsLabel') }, ...tabs),
      el(
        'div',
        { class: 'view', role: 'tabpanel' },
        el(
          'div',
          { class: 'replies-view' },
          el('div', { class: 'search-row' }, el('label', { class: 'search' }, el('span', { class: 'visually-hidden' }, t('panelSearchLabel')), search), newReply),
          el(
            'div',
            { class: 'filters' },
            el('label', {}, t('libFilterLang'), select(option('es', t('libLangEs')), option('en', t('libLangEn')))),
            el('label', {}, t('libFilterTag'), tagSelect),
            el('label', {}, t('libFilterPlatform'), select(...PLATFORMS.filter((p) => p !== 'other').map((p) => option(p, p)))),
          ),
          el('p', { id: 'boot-keyboard-hint', class: 'hint' }, `${t('libKeyboardHint')} ${t('libBulkHint')}`),
          count,
          loading,
        ),
      ),
    ),
  );
  before.before(root);
  search.focus();

  let shown: Template[] = [];
  const shell: Shell = {
    rows: null,
    get query() {
      return search.value;
    },
    get selection() {
      return search.selectionStart === null || search.selectionEnd === null ? null : ([search.selectionStart, search.selectionEnd] as const);
    },
    get hadFocus() {
      return document.activeElement === search;
    },
    pending: null,
    showRows(rows) {
      shell.rows = rows;
      shown = firstScreenOrder(rows);
      list.replaceChildren(...shown.map((template, index) => row(template, index)));
      const tags = [...new Set(rows.flatMap((template) => template.tags))].sort((a, b) => a.localeCompare(b));
      tagSelect.append(...tags.map((tag) => option(tag, tag)));
      count.textContent = t('libResultsCount', String(shown.length));
      loading.replaceWith(el('div', { class: 'results-keys' }, el('div', { class: 'virtual-scroller' }, list)));
    },
    retire() {
      root.remove();
    },
  };

  const hint = t('panelInsertHint');
  function row(template: Template, index: number) {
    const main = el('button', { type: 'button', class: 'reply-main', title: hint, 'data-template-id': template.id, tabindex: index === 0 ? '0' : '-1' }, el('span', { class: 'reply-title' }, template.title));
    if (template.shortcut) main.append(el('kbd', { class: 'reply-shortcut' }, template.shortcut));
    main.append(el('span', { class: 'reply-body' }, template.body));
    const readOnly = template.source === 'pack';
    const button = (action: ShellRowAction | 'preview', cls: string, text: string, label?: string) =>
      el('button', { type: 'button', class: cls, 'data-action': action, 'aria-label': label, tabindex: '-1' }, text);
    const actions = el(
      'div',
      { class: 'reply-actions' },
      el('input', { type: 'checkbox', class: 'reply-select', 'aria-label': t('libSelectNamed', template.title), tabindex: '-1' }),
      button('toggleFavorite', 'reply-favorite', template.favorite ? '★' : '☆', t('libFavorite', template.title)),
      button('preview', 'reply-preview', t('previewToggle'), t('previewNamed', template.title)),
      button('copy', 'reply-copy', t('panelCopy')),
      readOnly ? el('span', { class: 'reply-pack' }, t('libTeamReply')) : button('edit', 'reply-edit', t('libEdit'), t('libEditNamed', template.title)),
      button('duplicate', 'reply-duplicate', t('libDuplicate'), t('libDuplicateNamed', template.title)),
    );
    if (!readOnly) actions.append(button('remove', 'reply-delete', t('libDelete'), t('libDeleteNamed', template.title)));
    return el('li', { class: index === 0 ? 'reply selected' : 'reply', 'data-template-id': template.id }, main, actions);
  }

  // Whatever is clicked before the panel is ready is done once it is (the last click wins).
  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    const reply = target.closest<HTMLElement>('.reply-main');
    const tab = target.closest<HTMLElement>('[role="tab"]');
    const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
    const rowId = target.closest<HTMLElement>('li.reply')?.dataset.templateId;
    // A tick or a preview is not replayed: the box stays as the panel will draw it.
    if (target.matches('.reply-select')) event.preventDefault();
    if (reply?.dataset.templateId) shell.pending = { kind: 'insert', id: reply.dataset.templateId };
    else if (rowId && action && action !== 'preview') shell.pending = { kind: 'row', id: rowId, action: action as ShellRowAction };
    else if (tab?.dataset.view) shell.pending = { kind: 'view', key: tab.dataset.view };
    else if (target.closest('.new-reply')) shell.pending = { kind: 'new' };
  });
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (!search.value.trim() && shown[0]) shell.pending = { kind: 'insert', id: shown[0].id };
  });
  return shell;
}

/** The order the panel gives a first screen before it knows the comment: by use, variants once. */
function firstScreenOrder(rows: readonly Template[]): Template[] {
  const sorted = inIdOrder(rows).sort(byUsage);
  const groups = variantGroups(sorted);
  const collapsed = collapseVariants(sorted, groups, { lang: null, formality: null, region: regionOf(nativeUiLanguage()) });
  return Array.from({ length: collapsed.length }, (_, i) => collapsed.at(i)!);
}
