/**
 * A tiny static server for the demo portals on 127.0.0.1, listening on two ports: the portal pages
 * on the first, and the "foreign" frame on the second — a different origin, so the cross-origin
 * frame trap is real. `/demo-config.js` tells the pages where the second origin is.
 *   node scripts/serve-demo.mjs [port]      (builds the demos first when .output-demo is missing)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
// the autofill corpus (demo/corpus/), listed on the index page
const CORPUS = ['element-ui', 'element-plus', 'antd-react', 'antd-vue', 'layui', 'view-ui-plus', 'vant', 'bootstrap', 'table', 'wizard', 'frames', 'shadow', 'semantic'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

function handler(dir, config) {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/demo-config.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      res.end(`window.DEMO_FRAME_ORIGIN = ${JSON.stringify(config.frameOrigin)};`);
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(
        '<meta charset="utf-8"><h1>演示门户</h1><ul>' +
          '<li><a href="/element/index.html">Element Plus</a>' +
          '<li><a href="/element/wizard.html">Element Plus 分步填报</a>（<a href="/element/wizard.html?steps=if">仅渲染当前步骤</a>）' +
          '<li><a href="/element-ui/index.html">Element UI（Vue 2）</a>' +
          '<li><a href="/antd/index.html">Ant Design</a>' +
          '<li><a href="/plain/index.html">表格版式</a></ul>' +
          '<h2>自动填写语料页</h2><ul>' +
          CORPUS.map((p) => `<li><a href="/corpus/${p}/index.html">${p}</a>`).join('') +
          '</ul>',
      );
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  };
}

const listen = (server, port) =>
  new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server.address().port));
  });

/** Starts both servers; port 0 picks free ports. */
export async function serveDemo({ port = 0, dir = resolve(root, process.env.FORMKIT_DEMO_OUT ?? '.output-demo') } = {}) {
  if (!existsSync(dir)) {
    const { buildDemo } = await import('./build-demo.mjs');
    await buildDemo();
  }
  const config = { frameOrigin: '' };
  const main = createServer(handler(dir, config));
  const frame = createServer(handler(dir, config));
  const mainPort = await listen(main, port);
  const framePort = await listen(frame, port ? port + 1 : 0);
  config.frameOrigin = `http://127.0.0.1:${framePort}`;
  return {
    origin: `http://127.0.0.1:${mainPort}`,
    frameOrigin: config.frameOrigin,
    close: () => Promise.all([new Promise((r) => main.close(r)), new Promise((r) => frame.close(r))]),
  };
}

/** The shape `npm start` (scripts/start.mjs) looks for: fixed ports when free, the portal URLs. */
export async function startDemoServers({ port = Number(process.env.DEMO_PORT ?? 5173) } = {}) {
  const s = await serveDemo({ port }).catch(() => serveDemo({ port: 0 }));
  const urls = {
    element: `${s.origin}/element/index.html`,
    wizard: `${s.origin}/element/wizard.html`,
    elementUi: `${s.origin}/element-ui/index.html`,
    antd: `${s.origin}/antd/index.html`,
    plain: `${s.origin}/plain/index.html`,
  };
  return { ...s, url: `${s.origin}/`, urls };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.DEMO_PORT ?? 5173);
  serveDemo({ port }).then((s) => {
    console.log(`demo portals: ${s.origin}/  (foreign frame origin ${s.frameOrigin})`);
  });
}
