import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pack host at a public-looking https address for browsers that cannot answer an extension's
 * own requests by interception (Firefox: WebDriver BiDi does not see the background page's
 * fetches). Tono follows public https hosts only, so the test serves `https://<host>/` for real:
 * a local TLS server with a throwaway self-signed certificate, reached through a local proxy
 * that tunnels CONNECT to that one host and refuses everything else. The browser must be pointed
 * at the proxy and told to accept the certificate (see firefox-extension-pages.ts).
 */
export interface HttpsPackHost {
  /** `https://<host>` */
  origin: string;
  /** Port of the CONNECT proxy on 127.0.0.1. */
  proxyPort: number;
  close(): Promise<void>;
}

function selfSigned(host: string): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'tono-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`,
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

export async function startHttpsPackHost(host: string, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<HttpsPackHost> {
  const tls = createHttpsServer(selfSigned(host), handler);
  const tlsPort = await listen(tls);
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((_req, res) => res.writeHead(403).end());
  proxy.on('connect', (req: IncomingMessage, client: Socket) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    if (req.url !== `${host}:443`) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  const proxyPort = await listen(proxy);
  return {
    origin: `https://${host}`,
    proxyPort,
    async close() {
      for (const socket of sockets) socket.destroy();
      tls.closeAllConnections();
      await Promise.all([tls, proxy].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
