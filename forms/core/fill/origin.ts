/**
 * Where a fill may happen (DESIGN.md principle 5: the page is hostile). An origin must be listed —
 * by a pack portal map or by the user — and use HTTPS; plain HTTP is accepted only on the loopback
 * hosts where the demo portals and local tests run.
 */
export type OriginVerdict =
  | { ok: true; origin: string }
  | { ok: false; reason: 'bad-url' | 'insecure' | 'not-listed'; origin: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

export function isLoopback(hostname: string): boolean {
  return LOOPBACK.has(hostname);
}

/**
 * `https://rsj.sh.gov.cn`, `https://*.osta.org.cn` (subdomains and the bare host), `http://127.0.0.1:*`
 * (any port). A pattern without a port matches only the scheme's default port.
 */
export function originMatches(pattern: string, url: URL): boolean {
  const m = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\*|\d+))?\/?$/.exec(pattern.trim());
  if (!m) return false;
  const [, scheme, wild, host, port] = m;
  if (url.protocol !== `${scheme}:`) return false;
  const h = url.hostname.toLowerCase();
  const want = host.toLowerCase();
  if (wild ? !(h === want || h.endsWith(`.${want}`)) : h !== want) return false;
  if (port === '*') return true;
  return (url.port || '') === (port ?? '');
}

export function checkOrigin(rawUrl: string, patterns: readonly string[]): OriginVerdict {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'bad-url', origin: rawUrl };
  }
  const origin = url.origin;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return { ok: false, reason: 'insecure', origin };
  }
  if (!patterns.some((p) => originMatches(p, url))) return { ok: false, reason: 'not-listed', origin };
  return { ok: true, origin };
}

/** `*` in a path pattern matches any run of characters. */
export function pathMatches(pattern: string, pathname: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(pathname);
}
