/**
 * The kit's custom formats (formats/registry.ts) joined to the interpreter's format table, a plain
 * exported object of @cfworker/json-schema, so the interpreter and the build-time validators judge
 * a value with the same checkers. Imported for its effect by every module that interprets schemas.
 */
import { format as cfFormats } from '@cfworker/json-schema';
import { formatCheckers } from '../formats/registry';

for (const [name, f] of Object.entries(formatCheckers)) cfFormats[name] = f.validate;
