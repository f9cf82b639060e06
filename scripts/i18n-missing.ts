/**
 * `npm run i18n:missing [-- --json]`: the pack's Chinese texts that schemas/i18n/en.json does not
 * translate yet, one per line with where it is used (or as a JSON skeleton to fill in). Exit 1 when any.
 */
import { missingTranslations } from '../forms/core/i18n/pack-texts';
import { readPackDir } from '../forms/node/load-pack-dir';

const missing = missingTranslations(readPackDir(process.argv.find((a, i) => process.argv[i - 1] === '--pack') ?? 'schemas'));
if (process.argv.includes('--json')) console.log(JSON.stringify(Object.fromEntries(missing.map((m) => [m.zh, ''])), null, 2));
else {
  for (const m of missing) console.log(`${m.zh}\t${m.where}`);
  console.error(missing.length ? `${missing.length} text(s) without English in schemas/i18n/en.json` : 'every shipped text has its English');
}
process.exitCode = missing.length ? 1 : 0;
