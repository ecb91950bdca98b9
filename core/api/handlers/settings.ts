import { withAssessor } from '../../model/user-settings';
import type { ApiHandlers } from '../dispatch';
import type { HandlerContext } from './services';

export function settingsHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'getUserSettings' | 'setAssessorName'> {
  return {
    getUserSettings: () => ctx.settings.read(),
    setAssessorName: ({ assessmentId, name }) => ctx.settings.change((current) => withAssessor(current, name, assessmentId)),
  };
}
