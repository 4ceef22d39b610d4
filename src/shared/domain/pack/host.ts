/**
 * Hosts that are not on the public internet by their spelling alone: loopback, private and
 * link-local networks, and names only a local resolver answers. A member's pack URL may not point
 * at them (a pasted link must not make the browser probe the member's own network); an
 * administrator's policy URL may. Takes `URL.hostname`, which has already turned the numeric,
 * hex and octal spellings of IPv4 (`2130706433`, `0x7f.1`, `0177.0.0.1`) into dotted decimal and
 * compressed IPv6. A public name that resolves to a private address cannot be seen from here.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isPrivateIpv6(host.slice(1, -1));
  const v4 = ipv4(host);
  if (v4) return isPrivateIpv4(v4);
  // One label (`intranet`) only resolves through a local search domain.
  if (!host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** Names reserved for local use (RFC 6761, 6762, 8375; ICANN's `.internal`). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'home.arpa'];

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** This network, private, carrier-grade NAT, loopback, link-local, multicast and reserved ranges. */
function isPrivateIpv4([a = 0, b = 0]: readonly number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

/** Eight 16-bit groups, or null. URL.hostname gives compressed, lower-case, hex-only IPv6. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const side = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const head = side(halves[0]);
  const tail = side(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<number>(Math.max(fill, 0)).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function isPrivateIpv6(text: string): boolean {
  const g = ipv6Groups(text);
  if (!g) return true;
  const [g0, , , , , g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const leadingZeros = g.slice(0, 5).every((x) => x === 0);
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  // ::, ::1 and IPv4-compatible ::a.b.c.d (all read as 0.0.0.x or the embedded address),
  // IPv4-mapped ::ffff:a.b.c.d and NAT64 64:ff9b::a.b.c.d: judged by the IPv4 address inside.
  if (leadingZeros && (g5 === 0 || g5 === 0xffff)) return isPrivateIpv4(embedded);
  if (g0 === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateIpv4(embedded);
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 || // old site-local fec0::/10
    (g0 & 0xff00) === 0xff00 // multicast
  );
}
