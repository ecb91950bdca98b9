import { compareAssessments } from '../../merge/compare';
import { assertComparable, mergeAssessments } from '../../merge/merge';
import type { Assessment } from '../../model/assessment';
import type { ApiHandlers } from '../dispatch';
import { defaultAuthor } from '../editing';
import type { HandlerContext } from './services';

type Handlers = Pick<ApiHandlers, 'previewMerge' | 'mergeAssessments'>;

/** Both sources, checked to be of one country and one framework version. */
export async function comparablePair(ctx: HandlerContext, leftId: string, rightId: string): Promise<[Assessment, Assessment]> {
  const [left, right] = await Promise.all([ctx.store.get(leftId), ctx.store.get(rightId)]);
  assertComparable(left, right, ctx.library.latest(left.frameworkId).version);
  return [left, right];
}

export function mergeHandlers(ctx: HandlerContext): Handlers {
  const { library, store } = ctx;
  return {
    previewMerge: async ({ leftId, rightId }) => {
      const [left, right] = await comparablePair(ctx, leftId, rightId);
      return compareAssessments(library.get(left.frameworkId, left.frameworkVersion), left, right);
    },

    // The sources are only read: the merge is a new assessment, created in one write.
    mergeAssessments: async ({ leftId, rightId, title, choices, by }) => {
      const [left, right] = await comparablePair(ctx, leftId, rightId);
      const merged = mergeAssessments(library.get(left.frameworkId, left.frameworkVersion), left, right, { title, choices }, {
        id: ctx.newId(),
        at: ctx.now().toISOString(),
        by: by ?? defaultAuthor,
        newId: ctx.newId,
      });
      await store.create(merged);
      return merged;
    },
  };
}
