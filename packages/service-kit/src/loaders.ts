import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, keyed by name: `__resolveReference` for N references of one entity
 * type costs one query. Created fresh for every request so no data leaks between callers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  get<T>(
    name: string,
    fetchMany: (keys: readonly string[]) => Promise<T[]>,
    keyOf: (item: T) => string,
  ): DataLoader<string, T | null> {
    let loader = this.loaders.get(name) as DataLoader<string, T | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T | null>(async (keys) => {
        const items = await fetchMany(keys);
        const byKey = new Map(items.map((item) => [keyOf(item), item]));
        return keys.map((key) => byKey.get(key) ?? null);
      });
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
