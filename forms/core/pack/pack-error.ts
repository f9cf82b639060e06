/** A pack file that cannot be used. `where` is the file path (and JSON pointer) at fault. */
export class PackError extends Error {
  constructor(
    readonly where: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${where}: ${zh} / ${en}`);
    this.name = 'PackError';
  }
}
