import type { Page } from 'playwright-core';

export interface TemplateFields {
  id: string;
  title: string;
  body: string;
  shortcut: string;
}

/**
 * Runs inside an extension page (Chromium or Firefox): writes a personal template the way the
 * library stores it, straight into the extension's IndexedDB.
 */
export function writeTemplate(fields: TemplateFields): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('tono');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('templates', 'readwrite');
      const now = Date.now();
      tx.objectStore('templates').put({
        ...fields,
        tags: [],
        platforms: [],
        lang: 'es',
        source: 'personal',
        packId: null,
        searchText: `${fields.title} ${fields.body} ${fields.shortcut}`.toLowerCase(),
        usageCount: 0,
        lastUsedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** `writeTemplate` from a Playwright page of the extension. */
export async function putTemplate(extensionPage: Page, template: TemplateFields): Promise<void> {
  await extensionPage.evaluate(writeTemplate, template);
}
