import { closeSync, openSync, readSync } from 'node:fs';
import { CliError } from './cli-error';

/** Inputs are drafts and check answers: far below this. A larger (or endless, like /dev/zero) input is refused at once. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Reads at most MAX_INPUT_BYTES + 1 bytes, so an endless stream stops at the limit. */
function readCapped(source: string): Buffer {
  const fd = source === '-' ? 0 : openSync(source, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(1 << 20);
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // non-blocking stdin: not ready yet
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > MAX_INPUT_BYTES) {
        throw new CliError(`${source === '-' ? '标准输入 stdin' : source}: 输入过大（上限 ${MAX_INPUT_BYTES / 1048576} MB） / input too large (limit ${MAX_INPUT_BYTES / 1048576} MB)`);
      }
    }
    return Buffer.concat(chunks);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** Reads JSON from a file path or `-` (standard input); every failure is a one-line CliError naming the file. */
export function readJsonInput(source: string | undefined): unknown {
  if (!source) throw new CliError('缺少输入文件（文件路径或 - 表示标准输入） / missing input file (a path, or - for standard input)');
  const name = source === '-' ? '标准输入 stdin' : source;
  let text: string;
  try {
    text = readCapped(source).toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在 / no such file' : code === 'EISDIR' ? '是目录不是文件 / is a directory' : code === 'EACCES' ? '没有读取权限 / permission denied' : `无法读取 / cannot read (${code ?? (e as Error).message})`;
    throw new CliError(`${name}: ${why}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`${name}: 不是有效的 JSON / not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}
