/**
 * A problem with what the user gave the CLI: printed as one line, never a stack trace. `code` is the
 * exit code: 2 for bad input (the default), 1 for a refusal the user asked about (e.g. a pack whose
 * signature does not verify).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
