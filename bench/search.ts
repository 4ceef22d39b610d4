import { fileURLToPath } from 'node:url';
import type { Template } from '../src/shared/db/types';
import { searchTextOf } from '../src/shared/db/repos/templates';
import { TemplateSearch } from '../src/shared/domain/search/template-search';
import { foldText } from '../src/shared/domain/text';
import { percentile, report } from './report';

// Vocabulary a community manager's library really uses, in both languages, accents included.
const ES = {
  topics: ['devolución', 'envío', 'pedido retrasado', 'reembolso', 'garantía', 'cambio de talla', 'factura', 'cupón', 'tienda física', 'horario', 'contraseña', 'suscripción', 'cancelación', 'queja', 'agradecimiento', 'sorteo', 'privacidad', 'pago rechazado'],
  openers: ['Hola {{firstName|}},', '¡Gracias por escribirnos!', 'Lamentamos mucho lo ocurrido.', 'Entendemos tu preocupación.', 'Qué bueno leerte.'],
  middles: ['revisamos tu caso con el equipo de logística', 'te enviamos los pasos por mensaje privado', 'el plazo habitual es de 3 a 5 días hábiles', 'puedes gestionarlo desde tu área de cliente', 'necesitamos tu número de pedido para ayudarte', 'ya hemos escalado la incidencia'],
  closers: ['Un saludo, {{agent|el equipo}}.', 'Quedamos atentos.', 'Gracias por tu paciencia.', '¡Que tengas un buen día!'],
  tags: ['soporte', 'logística', 'pagos', 'comercial', 'crisis', 'general', 'privacidad', 'promociones'],
};
const EN = {
  topics: ['return', 'shipping', 'late order', 'refund', 'warranty', 'size exchange', 'invoice', 'coupon', 'store hours', 'password reset', 'subscription', 'cancellation', 'complaint', 'thank you', 'giveaway', 'privacy', 'declined payment'],
  openers: ['Hi {{firstName|there}},', 'Thanks for reaching out!', 'We are so sorry about this.', 'We understand your concern.', 'Great to hear from you.'],
  middles: ['we are checking your case with our logistics team', 'we sent you the steps in a private message', 'it usually takes 3 to 5 business days', 'you can manage it from your account page', 'we need your order number to help you', 'we have escalated the issue'],
  closers: ['Best, {{agent|the team}}.', 'We are here if you need anything.', 'Thanks for your patience.', 'Have a great day!'],
  tags: ['support', 'logistics', 'payments', 'sales', 'crisis', 'general', 'privacy', 'promotions'],
};

/** A deterministic pseudo-random sequence, so every run searches the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['ma', 'ro', 'ten', 'lu', 'ca', 'vi', 'dor', 'sa', 'ne', 'pli', 'ga', 'tor', 'mi', 'zu', 'bel', 'ko'];

/**
 * Real libraries grow a long tail of names (products, campaigns, places): about one new word per
 * two templates, picked with a skew so a few are common, as vocabularies grow (Heaps' law).
 */
function nameOf(n: number): string {
  let name = '';
  do {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return name;
}

/** `count` realistic Spanish/English templates shaped exactly like the repository's rows. */
export function syntheticTemplates(count: number, seed = 42): Template[] {
  const next = random(seed);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(next() * list.length)]!;
  const templates: Template[] = [];
  for (let i = 0; i < count; i++) {
    const lang = next() < 0.6 ? 'es' : 'en';
    const words = lang === 'es' ? ES : EN;
    const topic = pick(words.topics);
    const title = `${topic[0]!.toUpperCase()}${topic.slice(1)} ${lang === 'es' ? 'caso' : 'case'} ${i}`;
    const product = nameOf(Math.floor(next() ** 3 * (count / 2)) + SYLLABLES.length);
    const about = lang === 'es' ? `sobre ${product}` : `about ${product}`;
    const body = `${pick(words.openers)} ${pick(words.middles)} (${topic}, ${about}). ${pick(words.middles)}.\n${pick(words.closers)}`;
    const shortcut = `${foldText(topic).replace(/\s+/g, '-')}${i}`;
    const tags = [pick(words.tags), pick(words.tags)].filter((tag, n, all) => all.indexOf(tag) === n);
    const now = 1_700_000_000_000 + i * 1000;
    templates.push({
      id: `bench-${i}`,
      title,
      body,
      shortcut,
      tags,
      platforms: [],
      lang,
      source: 'personal',
      searchText: searchTextOf({ title, body, shortcut, tags }),
      usageCount: Math.floor(next() * 50),
      lastUsedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return templates;
}

/** What a user types, keystroke by keystroke: accents left out, a typo, two-word queries. */
const TYPED = ['devolucion', 'pedido retrasado', 'refund', 'shiping', 'garantia', 'numero de pedido', 'late order', 'contrasena'];
export const KEYSTROKES: string[] = TYPED.flatMap((query) => [...query].map((_, i) => query.slice(0, i + 1)));

/** Rows the side panel's windowed list draws at once (visible rows plus overscan). */
const SCREENFUL = 20;

const WARM_UP = ['hola', 'cuenta', 'thanks', 'store', 'ayuda', 'x'];

/** The naive baseline: every folded word must be a substring of the folded text. */
export function substringFilter(templates: readonly Template[], query: string): Template[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return templates.filter((template) => words.every((word) => template.searchText.includes(word)));
}

function timeEach(run: (query: string) => unknown): number[] {
  for (const query of WARM_UP) run(query); // warm the JIT with other words than the measured ones
  return KEYSTROKES.map((query) => {
    const start = performance.now();
    run(query);
    return performance.now() - start;
  });
}

export interface SearchTimings {
  size: number;
  ours: number[];
  naive: number[];
  buildMs: number;
}

/** Times every keystroke of the typed sequence with the index and with the naive baseline. */
export function measureSearch(size: number): SearchTimings {
  const templates = syntheticTemplates(size);
  const buildStart = performance.now();
  const index = new TemplateSearch(templates);
  const buildMs = performance.now() - buildStart;
  // The panel builds its index in idle time; collect that garbage now rather than mid-typing.
  (globalThis as { gc?: () => void }).gc?.();
  // What the panel does per keystroke: rank every match, read the rows of one screenful.
  const ours = timeEach((query) => index.find(query).slice(0, SCREENFUL));
  const naive = timeEach((query) => substringFilter(templates, query));
  return { size, ours, naive, buildMs };
}

const BUDGETS: ReadonlyArray<readonly [number, number]> = [
  [10_000, 2],
  [100_000, 20],
];

function reportTimings(where: string, { size, ours, naive, buildMs }: SearchTimings, budget: number): void {
  const p95 = percentile(ours, 95);
  const naiveP95 = percentile(naive, 95);
  report({
    name: `search per keystroke, ${size.toLocaleString('en')} templates (${where})`,
    value: p95,
    unit: 'ms',
    budget,
    details: {
      p50: percentile(ours, 50).toFixed(2),
      keystrokes: KEYSTROKES.length,
      indexBuildMs: buildMs.toFixed(1),
      substringP95: naiveP95.toFixed(2),
      ratioToSubstring: (p95 / naiveP95).toFixed(2),
    },
  });
}

/**
 * This module (search code, corpus and timing) bundled for a browser page. The report helper's
 * file writing is stubbed: only `measureSearch` runs there.
 */
async function browserBundle(): Promise<string> {
  const { build } = await import('vite');
  const self = fileURLToPath(import.meta.url);
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'stub-node',
        resolveId: (id) => (id.startsWith('node:') ? `\0stub:${id}` : null),
        load: (id) => (id.startsWith('\0stub:') ? 'export const mkdirSync = () => {}; export const writeFileSync = () => {}; export const fileURLToPath = () => "";' : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry: self, formats: ['iife'], name: 'tonoSearchBench' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const code = chunks.find((chunk) => chunk.type === 'chunk');
  if (!code || code.type !== 'chunk') throw new Error('The search bundle was not built');
  return code.code;
}

/**
 * Search as you type, timed in real Chromium (a plain page running the same code as the panel)
 * and in Node, next to a substring filter over the same folded text.
 */
export async function benchSearch(): Promise<void> {
  const { chromium } = await import('playwright-core');
  const { chromiumPath } = await import('../scripts/lib/browsers');
  const bundle = await browserBundle();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
    for (const [size, budget] of BUDGETS) {
      const timings = await page.evaluate(
        (n) => (window as unknown as { tonoSearchBench: { measureSearch(n: number): SearchTimings } }).tonoSearchBench.measureSearch(n),
        size,
      );
      reportTimings('Chromium', timings, budget);
    }
  } finally {
    await browser.close();
  }
  for (const [size, budget] of BUDGETS) reportTimings('Node', measureSearch(size), budget);
}
