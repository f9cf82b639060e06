import { createContext } from 'preact';
import type { Pack } from '../../core/pack/types';
import type { Finding, Lang } from '../../core/validation/types';

/** What the field templates and widgets read besides RJSF's own props. */
export interface KitFormContext {
  pack: Pack;
  lang: Lang;
  /** findings to show, by JSON pointer */
  findingsByPath: ReadonlyMap<string, Finding[]>;
  /** stores an attachment's bytes; returns its blob id (drafts store, or memory) */
  saveBlob?: (file: File) => Promise<string>;
}

export const FormKitContext = createContext<KitFormContext | null>(null);

/** RJSF field path → JSON pointer, e.g. ['occupations', 0, 'code'] → /occupations/0/code */
export const pointerOf = (path: ReadonlyArray<string | number>): string =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The id RJSF gives the input at a JSON pointer (default `root` prefix and `_` separator). */
export const fieldIdOf = (pointer: string): string =>
  ['root', ...pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))].join('_');
