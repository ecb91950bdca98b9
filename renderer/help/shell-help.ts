import { navigate } from '../route';

/** In Electron, Help menu choices (the guide, the licences) open the Help screen; returns the unsubscribe. */
export function followHelpMenu(): () => void {
  return window.ccatShell?.onShowHelp((section) => navigate({ screen: 'help', ...(section === '' ? {} : { section }) })) ?? (() => undefined);
}
