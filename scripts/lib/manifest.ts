import { readFileSync } from 'node:fs';

export type Target = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & {
  background: Record<string, unknown>;
  side_panel?: { default_path: string };
  permissions: string[];
  action: { default_title: string; default_icon: Record<string, string> };
  content_scripts: Array<{ matches: string[] }>;
  host_permissions?: string[];
};

export const FIREFOX_ID = 'tono@tono-extension.org';

/** `manifest.json` is written for Chrome; Firefox gets a sidebar, event-page scripts and a gecko id. */
export function manifestFor(target: Target, version: string): Manifest {
  const base = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Manifest;
  base.version = version;
  // The worker injects the rest of the content script (content-ui.js) with scripting.executeScript,
  // which needs host permission: a content script's matches alone do not grant it. These are the
  // same sites, so no new permission is asked for.
  base.host_permissions = [...new Set(base.content_scripts.flatMap((script) => script.matches))];
  if (target === 'chrome') return base;
  const { side_panel: sidePanel, ...firefox } = base;
  return {
    ...firefox,
    background: { scripts: ['background.js'], type: 'module' },
    permissions: base.permissions.filter((permission) => permission !== 'sidePanel'),
    sidebar_action: {
      default_panel: sidePanel?.default_path,
      default_title: base.action.default_title,
      default_icon: base.action.default_icon,
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android understands data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
