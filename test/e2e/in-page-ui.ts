import { IN_PAGE_PATH } from '../../src/shared/messages/in-page';

/** The part of a Playwright or Puppeteer page these helpers use. */
interface FramedPage {
  frames(): Array<{ evaluate<R>(fn: () => R): Promise<R> }>;
}

/**
 * What Tono's in-page frame shows ('picker', 'blanks' or '' when hidden), read inside the frame
 * itself: the page it sits on cannot see in, and neither can a test through the page.
 */
export async function inPageView(page: FramedPage): Promise<string> {
  for (const frame of page.frames()) {
    // Puppeteer on Firefox may report an extension frame's URL as about:blank: ask the frame itself.
    const seen = await frame.evaluate(() => [location.pathname, document.body?.dataset.view ?? '']).catch(() => ['', '']);
    if (seen[0] === `/${IN_PAGE_PATH}` && seen[1]) return seen[1];
  }
  return '';
}

export const pickerOpen = async (page: FramedPage) => (await inPageView(page)) === 'picker';
export const blanksOpen = async (page: FramedPage) => (await inPageView(page)) === 'blanks';

/** The text of the picker's selected row (what Enter inserts), read inside the frame; '' when none. */
export async function selectedPickerRow(page: FramedPage): Promise<string> {
  for (const frame of page.frames()) {
    const seen = await frame
      .evaluate(() => [location.pathname, document.querySelector('[role="option"][aria-selected="true"]')?.textContent ?? ''])
      .catch(() => ['', '']);
    if (seen[0] === `/${IN_PAGE_PATH}` && seen[1]) return seen[1];
  }
  return '';
}

/** Ctrl+Shift+Space through Puppeteer on Firefox, which has no chord syntax. */
export async function pressPickerKey(keyboard: { down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void> }): Promise<void> {
  await keyboard.down('Control');
  await keyboard.down('Shift');
  await keyboard.press(' ');
  await keyboard.up('Shift');
  await keyboard.up('Control');
}
