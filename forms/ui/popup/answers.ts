/** Form answers → check input: empty fields are left out (absent, not ""), so optional means optional. */
export function cleanAnswers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanAnswers);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleanAnswers(v);
      if (c !== undefined && c !== '' && c !== null) out[k] = c;
    }
    return out;
  }
  return value;
}
