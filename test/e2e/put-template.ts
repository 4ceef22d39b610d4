import type { Page } from 'playwright-core';

/** A personal template written the way the library stores it, straight into the extension's IndexedDB. */
export async function putTemplate(extensionPage: Page, template: { id: string; title: string; body: string; shortcut: string }): Promise<void> {
  await extensionPage.evaluate(
    (fields) =>
      new Promise<void>((resolve, reject) => {
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
      }),
    template,
  );
}
