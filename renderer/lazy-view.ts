import { lazy, type ComponentType } from 'react';

/**
 * A view whose code loads the first time it is shown, from a module that exports it by name:
 * the first screen's chunk then holds only what the first screen needs. Show it inside <Suspense>.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the props are whatever the named component takes
export function lazyView<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
