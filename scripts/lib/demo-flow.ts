import type { Page } from 'playwright-core';
import type { TonoBrowser } from './chromium-with-tono';

/** One step of the demo, as printed to the console and written to the transcript. */
export type Log = (line: string) => void;

const model = (page: Page, id: string) =>
  page.evaluate((boxId) => (window as unknown as { tonoDemo: { modelText(i: string): string } }).tonoDemo.modelText(boxId), id);

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The main flow a community manager goes through: expand a shortcut with Tab, insert a reply from
 * the side panel, send it, and see its response time. Saves screenshots into `outDir`.
 */
export async function runDemoFlow(tono: TonoBrowser, outDir: string, log: Log): Promise<void> {
  const feed = await tono.openDemo();
  log(`Opened the demo feed at ${feed.url()} (served locally through request routing; no network).`);

  await feed.click('#box-lexical');
  await feed.keyboard.type('gracias');
  log('Lexical box (Facebook-style): typed "gracias" and pressed Tab.');
  await feed.keyboard.press('Tab');
  const expanded = await waitFor(() => model(feed, 'box-lexical'), (text) => text !== 'gracias', 'Tab expansion');
  log(`  → the editor's own model now holds: "${expanded}"`);
  await feed.screenshot({ path: `${outDir}/1-tab-expansion.png` });

  await feed.click('#box-textarea');
  const panel = await tono.openSidePanel();
  await panel.setViewportSize({ width: 400, height: 800 });
  const count = await waitFor(() => panel.locator('li.reply').count(), (n) => n > 0, 'the library');
  log(`Side panel: lists ${count} approved replies from the starter library (Spanish and English).`);
  await panel.screenshot({ path: `${outDir}/2-side-panel.png` });

  await panel.locator('li.reply[data-template-id="starter-ack-en"] button.reply-main').click();
  const inserted = await waitFor(() => model(feed, 'box-textarea'), (text) => text.length > 0, 'panel insertion');
  log(`Clicked "Acknowledge and set a time" in the panel → inserted into the textarea the user last clicked:`);
  log(`  "${inserted.replace(/\n/g, '\\n')}"`);
  await feed.bringToFront();
  await feed.screenshot({ path: `${outDir}/3-inserted-from-panel.png` });

  await feed.click('#box-textarea');
  await feed.click('button.send[data-for="box-textarea"]');
  log('Clicked "Reply": the site posted the reply and emptied the box, so Tono counted it.');
  await waitFor(() => panel.locator('li.event').count(), (n) => n > 0, 'the reply event');
  const response = (await panel.locator('li.event').first().innerText()).replace(/\s+/g, ' ');
  log(`Side panel, "Your latest replies": ${response}`);
  await panel.bringToFront();
  await panel.screenshot({ path: `${outDir}/4-response-time.png`, fullPage: true });
  await feed.bringToFront();
  await feed.screenshot({ path: `${outDir}/5-reply-posted.png` });

  // One picture of both: the feed with the inserted reply next to the side panel.
  const [feedShot, panelShot] = await Promise.all([
    feed.screenshot({ type: 'png' }),
    panel.screenshot({ type: 'png', fullPage: true }),
  ]);
  const board = await tono.context.newPage();
  await board.setViewportSize({ width: 1520, height: 800 });
  await board.emulateMedia({ colorScheme: 'light' });
  await board.setContent(
    `<body style="margin:0;display:flex;background:#111">` +
      `<img style="width:1100px" src="data:image/png;base64,${feedShot.toString('base64')}">` +
      `<img style="width:400px;margin-left:20px;align-self:flex-start" src="data:image/png;base64,${panelShot.toString('base64')}"></body>`,
  );
  await board.screenshot({ path: `${outDir}/overview.png`, fullPage: true });
  log(`Screenshots written to ${outDir}/ (overview.png shows the feed next to the side panel).`);
}
