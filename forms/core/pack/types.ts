/**
 * The policy pack: everything the notice says, as data. Code reads these shapes; the pack decides
 * their content (policy lives in data, never in code).
 */
export type Localized = { zh: string; en?: string };

export interface SourceRef {
  id: string;
  /** path of the source document inside the pack, e.g. `sources/hrss-sh-2024-120.json` */
  file: string;
}

export interface PackManifest {
  id: string;
  version: string;
  /** ISO date from which this pack version applies */
  effective: string;
  title: Localized;
  sources: SourceRef[];
  /** document ids, in the order the workbench lists them */
  documents: string[];
  changeNotes?: Localized;
}

export interface Article {
  id: string;
  label: string;
  heading?: string;
  text: string;
}

export interface SourceDocument {
  document: {
    id: string;
    number?: string;
    title: string;
    issuer?: string;
    issued?: string;
    effective?: string;
  };
  articles: Article[];
}

export interface Citation {
  source: string;
  article: string;
}

export interface ResolvedCitation extends Citation {
  label: string;
  heading?: string;
  text: string;
}

export type JsonSchema = { [key: string]: unknown };

export interface DocumentDef {
  id: string;
  schema: JsonSchema;
  ui: Record<string, unknown>;
  rules: unknown[];
  samples: Record<string, unknown>;
}

/** A pack as files keyed by their path under `schemas/` — the unit that is built, signed and imported. */
export type PackFiles = Record<string, unknown>;

export interface Pack {
  manifest: PackManifest;
  sources: Record<string, SourceDocument>;
  /** reference data by file stem: `occupations-2022`, `districts`, `levels`, `filing-catalog`, … */
  reference: Record<string, unknown>;
  /** shared schema definitions every document may `$ref` as `#/definitions/<name>` */
  definitions: Record<string, JsonSchema>;
  documents: Record<string, DocumentDef>;
  /** everything else (rules/, checks/, portals/, migrations) stays addressable by path; texts with parameters filled in */
  files: PackFiles;
  /** the files as written (parameter placeholders kept): what is edited, hashed and signed */
  sourceFiles?: PackFiles;
}
