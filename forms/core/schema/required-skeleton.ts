import type { JsonSchema } from '../pack/types';
import { deref } from './schema-walk';

/**
 * Adds an empty object for every required object-typed property that is missing, recursively, so a
 * new document reports 「机构名称：必填」 at each field instead of one 「机构基本信息：必填」 for the block.
 * Never touches values that are present, and creates no array rows.
 */
export function requiredSkeleton(root: JsonSchema, data: Record<string, unknown>, schema: JsonSchema = root): Record<string, unknown> {
  const s = deref(root, schema);
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = (s.required ?? []) as string[];
  let out = data;
  for (const key of required) {
    const propSchema = props[key];
    if (!propSchema) continue;
    const p = deref(root, propSchema);
    if (p.type !== 'object') continue;
    const current = data[key];
    if (current !== undefined && (typeof current !== 'object' || current === null || Array.isArray(current))) continue;
    const filled = requiredSkeleton(root, (current as Record<string, unknown>) ?? {}, p);
    if (filled !== current) out = { ...out, [key]: filled };
  }
  return out;
}
