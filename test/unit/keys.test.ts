import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, EXPAND_KEYS, PICKER_KEYS, matchesKey, pick } from '../../src/shared/domain/keys';

const press = (code: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  code,
  ctrlKey: mods.ctrl ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
  metaKey: mods.meta ?? false,
});

describe('matchesKey', () => {
  it('matches the key with exactly its modifiers', () => {
    expect(matchesKey('tab', press('Tab'))).toBe(true);
    expect(matchesKey('tab', press('Tab', { shift: true }))).toBe(false);
    expect(matchesKey('ctrl-space', press('Space', { ctrl: true }))).toBe(true);
    expect(matchesKey('ctrl-space', press('Space', { ctrl: true, shift: true }))).toBe(false);
    expect(matchesKey('ctrl-shift-space', press('Space', { ctrl: true, shift: true }))).toBe(true);
    expect(matchesKey('shift-space', press('Space', { shift: true }))).toBe(true);
    expect(matchesKey('shift-space', press('Space'))).toBe(false);
    expect(matchesKey('ctrl-period', press('Period', { ctrl: true }))).toBe(true);
    expect(matchesKey('ctrl-shift-slash', press('Slash', { ctrl: true, shift: true }))).toBe(true);
    expect(matchesKey('tab', press('Tab', { meta: true }))).toBe(false);
  });

  it('never offers Enter, and no expansion key is also a picker key', () => {
    for (const id of [...EXPAND_KEYS, ...PICKER_KEYS]) expect(id).not.toMatch(/enter/);
    for (const expand of EXPAND_KEYS) {
      for (const picker of PICKER_KEYS) {
        const [key, ...mods] = picker.split('-').reverse();
        const code = { space: 'Space', period: 'Period', slash: 'Slash' }[key ?? ''] ?? '';
        expect(matchesKey(expand, press(code, { ctrl: mods.includes('ctrl'), shift: mods.includes('shift'), alt: mods.includes('alt') }))).toBe(false);
      }
    }
  });

  it('keeps the defaults of the first release (Tab, Ctrl+Shift+Space, button on)', () => {
    expect(DEFAULT_PREFS).toEqual({ expandKey: 'tab', openPickerKey: 'ctrl-shift-space', replyButton: true });
  });
});

describe('pick', () => {
  it('keeps an offered value and falls back for anything else', () => {
    expect(pick(EXPAND_KEYS, 'ctrl-space', 'tab')).toBe('ctrl-space');
    expect(pick(EXPAND_KEYS, 'enter', 'tab')).toBe('tab');
    expect(pick(EXPAND_KEYS, undefined, 'tab')).toBe('tab');
  });
});
