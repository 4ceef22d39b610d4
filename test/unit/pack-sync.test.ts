import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPackSync, managedPackUrls, syncSubscription, type PackSyncDeps } from '../../src/background/pack-sync';
import { PacksRepo, packRowId } from '../../src/shared/db/repos/packs';
import { serializePack, type Pack } from '../../src/shared/domain/pack';
import { TemplatesRepo } from '../../src/shared/db/repos/templates';
import { closeDatabases, freshDatabase, item, makePack, snapshot } from './pack-helpers';

/**
 * A real HTTP server on 127.0.0.1 (random port), answering the public https address members
 * follow (`PUBLIC`, mapped onto it by the fetch in `deps`). Each test sets `route`; every request
 * is logged and the server refuses to serve more than a handful, so a sync loop bug fails fast.
 */
type Route = (req: IncomingMessage, res: ServerResponse) => void;
let route: Route;
let requests: { url: string; ifNoneMatch: string | undefined }[] = [];
const MAX_REQUESTS = 20;

function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  server.requestTimeout = 10_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

let main: { server: Server; origin: string };
let other: { server: Server; origin: string };
let otherRequests = 0;
const PUBLIC = 'https://packs.example.com';
beforeAll(async () => {
  main = await startServer((req, res) => {
    requests.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    if (requests.length > MAX_REQUESTS) {
      res.writeHead(429).end();
      return;
    }
    route(req, res);
  });
  other = await startServer((_req, res) => {
    otherRequests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(serializePack(makePack({ version: 'evil' })));
  });
});
afterAll(async () => {
  for (const { server } of [main, other]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

let clock = 1_000;
let deps: PackSyncDeps;
let repo: PacksRepo;
let db: ReturnType<typeof freshDatabase>;
const url = () => `${PUBLIC}/packs/team.json`;
/** Public https hosts of the tests and the local servers that answer them. */
const answeredBy = new Map<string, () => string>([
  [PUBLIC, () => main.origin],
  ['https://evil.example.net', () => other.origin],
]);
function localFetch(u: string, init: RequestInit): Promise<Response> {
  const { origin } = new URL(u);
  const local = answeredBy.get(origin);
  return fetch(local ? u.replace(origin, local()) : u, init);
}

beforeEach(async () => {
  requests = [];
  otherRequests = 0;
  clock = 1_000;
  db = freshDatabase();
  repo = new PacksRepo(db);
  deps = { fetch: localFetch, now: () => clock, repo, timeoutMs: 1_000 };
  await repo.subscribe(url(), 0);
});
afterEach(async () => {
  main.server.closeAllConnections();
  await closeDatabases();
});

/** Serves `pack` with an ETag, answering 304 when the client already has it. */
function serve(pack: Pack, etag: string, options: { ignoreIfNoneMatch?: boolean } = {}): Route {
  return (req, res) => {
    if (!options.ignoreIfNoneMatch && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(serializePack(pack));
  };
}

async function installV1(): Promise<void> {
  route = serve(makePack(), '"v1"');
  const outcome = await syncSubscription(url(), deps);
  expect(outcome).toMatchObject({ kind: 'applied', summary: { fromVersion: null, toVersion: '1', added: 2 } });
  clock += 1_000;
}

/** The installed pack and its rows stay at version 1 and the failure is recorded in plain data. */
async function expectKeptV1(code: string, lastSuccessAt = 1_000): Promise<void> {
  const [installed] = await repo.list();
  expect(installed?.record.version).toBe('1');
  expect((await repo.items('team')).map((t) => t.packItemId)).toEqual(['a', 'b']);
  expect(installed?.subscription).toMatchObject({ status: 'error', error: { code }, etag: '"v1"', lastAttemptAt: clock, lastSuccessAt });
}

describe('pack sync against a real HTTP server', () => {
  it('installs on first sync, then revalidates with If-None-Match and a 304 changes nothing', async () => {
    await installV1();
    expect(requests[0]?.ifNoneMatch).toBeUndefined();
    const before = await snapshot(db);
    expect(await syncSubscription(url(), deps)).toEqual({ url: url(), kind: 'unchanged' });
    expect(requests[1]?.ifNoneMatch).toBe('"v1"');
    const after = await snapshot(db);
    expect(after.templates).toEqual(before.templates);
    expect(after.packChunks).toEqual(before.packChunks);
    expect(after.packs).toEqual(before.packs);
    expect(await repo.subscription(url())).toMatchObject({ status: 'ok', lastAttemptAt: 2_000, lastSuccessAt: 2_000, lastChangeAt: 1_000 });
  });

  it('applies a new version with its diff and new ETag', async () => {
    await installV1();
    route = serve(makePack({ version: '2' }, [item('a', { body: 'Nuevo' }), item('c')]), '"v2"');
    expect(await syncSubscription(url(), deps)).toMatchObject({
      kind: 'applied',
      summary: { fromVersion: '1', toVersion: '2', added: 1, changed: 1, removed: 1 },
    });
    expect(await repo.subscription(url())).toMatchObject({ etag: '"v2"', status: 'ok', lastChangeAt: 2_000 });
    expect((await new TemplatesRepo(db).get(packRowId('team', 'a')))?.body).toBe('Nuevo');
  });

  it.each([404, 500, 503])('keeps the last good version on HTTP %i', async (status) => {
    await installV1();
    route = (_req, res) => res.writeHead(status).end('nope');
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'httpStatus', params: [String(status)] } });
    await expectKeptV1('httpStatus');
  });

  it('gives up on a server that never answers', async () => {
    await installV1();
    route = () => undefined;
    expect(await syncSubscription(url(), { ...deps, timeoutMs: 150 })).toMatchObject({ kind: 'failed', error: { code: 'timeout' } });
    await expectKeptV1('timeout');
  });

  it('gives up on a body that stalls half way', async () => {
    await installV1();
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(serializePack(makePack({ version: '2' })).slice(0, 50));
    };
    expect(await syncSubscription(url(), { ...deps, timeoutMs: 150 })).toMatchObject({ kind: 'failed', error: { code: 'timeout' } });
    await expectKeptV1('timeout');
  });

  it('keeps the last good version when the connection drops mid-body (browser closing, network loss)', async () => {
    await installV1();
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write(serializePack(makePack({ version: '2' })).slice(0, 80), () => res.destroy());
    };
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'network' } });
    await expectKeptV1('network');
  });

  it('refuses a redirect, to another origin or within its own, without requesting the target', async () => {
    await installV1();
    route = (_req, res) => res.writeHead(302, { location: 'https://evil.example.net/evil.json' }).end();
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'redirected' } });
    await expectKeptV1('redirected');
    expect(otherRequests).toBe(0);

    route = (req, res) => {
      if (req.url === '/packs/team.json') res.writeHead(301, { location: '/packs/moved.json' }).end();
      else serve(makePack({ version: '2' }), '"v2"')(req, res);
    };
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'redirected' } });
    expect(requests.map((r) => r.url)).not.toContain('/packs/moved.json');
  });

  it.each<[string, string | Buffer, string]>([
    ['an HTML login page', '<!doctype html><title>Login</title>', 'notJson'],
    ['JSON that is not a pack', '{"hello": "world"}', 'notPack'],
    ['a schema violation', serializePack(makePack({ version: '2' })).replace('"title": "Title a"', '"title": 42'), 'fieldType'],
    ['the same template id twice', serializePack(makePack({ version: '2' }, [item('a'), item('a', { shortcut: 'z' })])), 'duplicateId'],
    ['a newer format', JSON.stringify({ ...makePack(), formatVersion: 9 }), 'newerFormat'],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'notUtf8'],
  ])('keeps the last good version on %s', async (_label, body, code) => {
    await installV1();
    route = (_req, res) => res.writeHead(200, { 'content-type': 'application/json', etag: '"v2"' }).end(body);
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code } });
    await expectKeptV1(code);
  });

  it('refuses a 50 MB body announced by Content-Length without reading it', async () => {
    await installV1();
    let written = 0;
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 50 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'tooLarge' } });
    await expectKeptV1('tooLarge');
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    await installV1();
    let written = 0;
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 50 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    expect(await syncSubscription(url(), { ...deps, maxBytes: 1024 * 1024 })).toMatchObject({ kind: 'failed', error: { code: 'tooLarge' } });
    await expectKeptV1('tooLarge');
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses content that changed under the same ETag, and accepts identical bytes sent again', async () => {
    await installV1();
    route = serve(makePack(), '"v1"', { ignoreIfNoneMatch: true });
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'unchanged' });
    clock += 1_000;
    route = serve(makePack({ version: '1b' }, [item('a', { body: 'cambiado' }), item('b')]), '"v1"', { ignoreIfNoneMatch: true });
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'etagMismatch', params: ['"v1"'] } });
    await expectKeptV1('etagMismatch', 2_000);
  });

  it('asks for confirmation before a version that removes everything', async () => {
    await installV1();
    route = serve(makePack({ version: '2' }, []), '"v2"');
    expect(await syncSubscription(url(), deps)).toMatchObject({ kind: 'failed', error: { code: 'removesAll' } });
    await expectKeptV1('removesAll');
    expect(await syncSubscription(url(), deps, { allowRemoveAll: true })).toMatchObject({ kind: 'applied', summary: { removed: 2 } });
    expect(await repo.items('team')).toEqual([]);
  });

  it('refuses a pack whose id another subscription already delivers', async () => {
    await installV1();
    const second = `${PUBLIC}/packs/copy.json`;
    await repo.subscribe(second, 0);
    route = serve(makePack({ version: '5' }), '"c"');
    expect(await syncSubscription(second, deps)).toMatchObject({ kind: 'failed', error: { code: 'idConflict', params: ['team', url()] } });
    expect((await repo.list())[0]?.record.version).toBe('1');
  });

  it('reports a network error when nothing listens', async () => {
    const closed = await startServer(() => undefined);
    const deadUrl = 'https://dead.example.com/p.json';
    answeredBy.set('https://dead.example.com', () => closed.origin);
    await new Promise((resolve) => closed.server.close(resolve));
    await repo.subscribe(deadUrl, 0);
    expect(await syncSubscription(deadUrl, deps)).toMatchObject({ kind: 'failed', error: { code: 'network' } });
    expect(await repo.subscription(deadUrl)).toMatchObject({ status: 'error', packId: null });
  });
});

describe('pack sync service (what the worker exposes)', () => {
  it('syncs only followed URLs', async () => {
    const service = createPackSync(deps);
    const reply = await service.handlers.packSyncNow({ url: `${PUBLIC}/not-followed.json`, allowRemoveAll: false }, { url: '' });
    expect(reply.outcomes).toMatchObject([{ kind: 'failed', error: { code: 'badUrl' } }]);
    expect(requests).toEqual([]);
  });

  it('shares one run between simultaneous triggers', async () => {
    route = serve(makePack(), '"v1"');
    const service = createPackSync(deps);
    const [a, b] = await Promise.all([service.syncAll(), service.handlers.packSyncNow({ url: null, allowRemoveAll: false }, { url: '' })]);
    expect(requests).toHaveLength(1);
    expect(a).toEqual(b.outcomes);
    expect(a).toMatchObject([{ kind: 'applied' }]);
  });
});

describe('managed storage policy values', () => {
  it('keeps valid HTTPS URLs once (intranet hosts included) and ignores everything else', () => {
    expect(managedPackUrls(['https://10.0.0.8/p.json', 'https://intranet/p.json', 'http://10.0.0.8/p.json'])).toEqual(['https://10.0.0.8/p.json', 'https://intranet/p.json']);
    expect(
      managedPackUrls(['https://corp.example/p.json#x', 'https://corp.example/p.json', 'http://corp.example/p.json', 42, null, 'https://u:p@corp.example/a.json', 'https://b.example/b.json']),
    ).toEqual(['https://corp.example/p.json', 'https://b.example/b.json']);
    expect(managedPackUrls('https://corp.example/p.json')).toEqual([]);
    expect(managedPackUrls(undefined)).toEqual([]);
    expect(managedPackUrls(Array.from({ length: 80 }, (_, i) => `https://h${i}.example/p.json`))).toHaveLength(50);
  });
});

