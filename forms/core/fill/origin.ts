/**
 * Where a fill may happen (the page is hostile: it may try to make us fill where we should not). An origin must be listed —
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

/**
 * `*` in a path pattern matches any run of characters. Matched without a regex: a pattern of many
 * stars compiled to `.*.*…` backtracks exponentially on a long path; this greedy matcher with one
 * remembered star takes at most pattern × path steps.
 */
export function pathMatches(pattern: string, pathname: string): boolean {
  let p = 0;
  let s = 0;
  let star = -1;
  let mark = 0;
  while (s < pathname.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === pathname[s]) {
      p++;
      s++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = s;
    } else if (star >= 0) {
      p = star + 1;
      s = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

const ORIGIN_PATTERN = /^(https?):\/\/(\*\.)?([^/:*\s]+)(?::(\*|\d+))?\/?$/;

export interface OriginListProblem {
  line: number;
  text: string;
  zh: string;
  en: string;
}

/**
 * The user's extra portal origins, one pattern a line (settings). Every line is checked before any is
 * kept: a pattern must have the form `originMatches` reads, and plain HTTP is refused except on the
 * loopback hosts — the same rule `checkOrigin` applies when filling.
 */
export function parseOriginList(text: string): { patterns: string[]; problems: OriginListProblem[] } {
  const patterns: string[] = [];
  const problems: OriginListProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = ORIGIN_PATTERN.exec(line);
    if (!m) {
      problems.push({ line: i + 1, text: line, zh: '不是有效的来源，例如 https://rsj.sh.gov.cn 或 https://*.osta.org.cn', en: 'not an origin such as https://rsj.sh.gov.cn or https://*.osta.org.cn' });
    } else if (m[1] === 'http' && !isLoopback(m[3].toLowerCase())) {
      problems.push({ line: i + 1, text: line, zh: '只允许 HTTPS（localhost 与 127.0.0.1 除外）', en: 'HTTPS only (except localhost and 127.0.0.1)' });
    } else if (!patterns.includes(line.replace(/\/$/, ''))) patterns.push(line.replace(/\/$/, ''));
  });
  return { patterns, problems };
}
