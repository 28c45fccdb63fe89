/**
 * Merges the resolver maps of a service's parts field by field (several parts may resolve fields
 * of one type); a field resolved twice is a wiring mistake and stops the start.
 */
export function mergeResolvers<R extends object>(...parts: R[]): R {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part) as [string, Record<string, unknown>][]) {
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (Object.hasOwn(target, field))
          throw new Error(`resolver ${type}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as R;
}
