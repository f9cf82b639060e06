import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

/** Reads JSON from a file path or `-` (standard input); every failure is a one-line CliError naming the file. */
export function readJsonInput(source: string | undefined): unknown {
  if (!source) throw new CliError('缺少输入文件（文件路径或 - 表示标准输入） / missing input file (a path, or - for standard input)');
  const name = source === '-' ? '标准输入 stdin' : source;
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (e) {
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
