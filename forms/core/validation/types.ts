/** One schema violation, engine-independent: the instance path (JSON pointer) and the keyword. */
export interface SchemaIssue {
  /** JSON pointer of the value at fault; for `required`, the pointer of the missing property */
  path: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** The one validator interface: precompiled for the shipped pack, interpreted for edited ones. */
export interface SchemaEngine {
  readonly kind: 'precompiled' | 'interpreter';
  validate(docId: string, data: unknown): SchemaIssue[];
  /** engines that load per document (lazy-precompiled-engine.ts): resolves once `docId` needs no more loading */
  preload?(docId: string): Promise<void>;
}
