import type { ApiHandlers } from '../dispatch';
import type { HandlerContext } from './services';

export function sampleHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'openSample'> {
  return {
    // One sample per data folder: opening it again returns the copy the user may have edited;
    // once deleted, the next open brings a fresh copy back.
    openSample: async () => {
      const sample = await ctx.loadSample();
      if (!(await ctx.store.list()).some((summary) => summary.id === sample.id)) await ctx.store.create(sample);
      return { id: sample.id };
    },
  };
}
