// Routes as plain data, without React: the boot script reads the address with these before the app has loaded.
export const setupSteps = ['basics', 'team', 'targets', 'context'] as const;
export type SetupStep = (typeof setupSteps)[number];

export type AssessmentRoute =
  | { screen: 'assessment'; id: string; view: 'rate'; indicatorId?: string }
  | { screen: 'assessment'; id: string; view: 'setup'; step: SetupStep }
  /** `sessionId` "new" opens an empty form; absent shows the list. */
  | { screen: 'assessment'; id: string; view: 'sessions'; sessionId?: string }
  | { screen: 'assessment'; id: string; view: 'capture'; sessionId: string; indicatorId?: string }
  | { screen: 'assessment'; id: string; view: 'review' | 'results' | 'history' };

/** Two assessments of one country side by side: compared, or merged into a new one. */
export type PairRoute = { screen: 'merge' | 'compare'; leftId: string; rightId: string };

/** HQ's views over many assessments: 2–8 compared, one country's trend, the country ranking, archived and trashed ones. */
export type PortfolioRoute =
  | { screen: 'compareMany'; ids: string[] }
  | { screen: 'trend'; country: string }
  | { screen: 'ranking' }
  | { screen: 'shelf'; shelf: 'archive' | 'trash' };

/** The assessor's guide and the licences; `section` is a guide anchor (`{#rating}` in docs/framework.md) or "licences". */
export type HelpRoute = { screen: 'help'; section?: string };

/** `at` tells one opened file from the next, so that opening another file starts the import screen afresh. */
export type Route = { screen: 'home' } | PortfolioRoute | { screen: 'new'; baselineId?: string } | { screen: 'import'; at?: number } | { screen: 'settings' } | HelpRoute | AssessmentRoute | PairRoute;

export type View = AssessmentRoute['view'];

/**
 * Hash routes, so that reload keeps the place and no server routing is needed:
 * #/a/<id>/i/<indicator>, #/a/<id>/setup/team, #/a/<id>/capture/<session>/<indicator>, #/new/from/<baseline>,
 * #/merge/<left>/<right>, #/compare/<left>/<right>, #/portfolio/compare/<id>,<id>…, #/portfolio/trend/<country>,
 * #/portfolio/ranking, #/portfolio/archive, #/portfolio/trash.
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'import') return parts[1] && /^\d+$/.test(parts[1]) ? { screen: 'import', at: Number(parts[1]) } : { screen: 'import' };
  if (parts[0] === 'settings') return { screen: 'settings' };
  if (parts[0] === 'portfolio') return parsePortfolio(parts.slice(1));
  if (parts[0] === 'help') return parts[1] ? { screen: 'help', section: parts[1] } : { screen: 'help' };
  if (parts[0] === 'new') return parts[1] === 'from' && parts[2] ? { screen: 'new', baselineId: parts[2] } : { screen: 'new' };
  if ((parts[0] === 'merge' || parts[0] === 'compare') && parts[1] && parts[2]) return { screen: parts[0], leftId: parts[1], rightId: parts[2] };
  if (parts[0] !== 'a' || !parts[1]) return { screen: 'home' };
  const id = parts[1];
  switch (parts[2]) {
    case 'i':
      return parts[3] ? { screen: 'assessment', id, view: 'rate', indicatorId: parts[3] } : { screen: 'assessment', id, view: 'rate' };
    case 'setup': {
      const step = (setupSteps as readonly string[]).includes(parts[3] ?? '') ? (parts[3] as SetupStep) : 'basics';
      return { screen: 'assessment', id, view: 'setup', step };
    }
    case 'sessions':
      return parts[3] ? { screen: 'assessment', id, view: 'sessions', sessionId: parts[3] } : { screen: 'assessment', id, view: 'sessions' };
    case 'capture':
      if (!parts[3]) return { screen: 'assessment', id, view: 'sessions' };
      return parts[4]
        ? { screen: 'assessment', id, view: 'capture', sessionId: parts[3], indicatorId: parts[4] }
        : { screen: 'assessment', id, view: 'capture', sessionId: parts[3] };
    case 'review':
    case 'results':
    case 'history':
      return { screen: 'assessment', id, view: parts[2] };
    default:
      return { screen: 'assessment', id, view: 'rate' };
  }
}

function parsePortfolio([view, arg]: string[]): Route {
  if (view === 'compare' && arg) return { screen: 'compareMany', ids: arg.split(',').filter(Boolean) };
  if (view === 'trend' && arg && /^[A-Z]{2}$/.test(arg)) return { screen: 'trend', country: arg };
  if (view === 'ranking') return { screen: 'ranking' };
  if (view === 'archive' || view === 'trash') return { screen: 'shelf', shelf: view };
  return { screen: 'home' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'import':
      return route.at === undefined ? '#/import' : `#/import/${route.at}`;
    case 'settings':
      return '#/settings';
    case 'compareMany':
      return `#/portfolio/compare/${route.ids.map(e).join(',')}`;
    case 'trend':
      return `#/portfolio/trend/${e(route.country)}`;
    case 'ranking':
      return '#/portfolio/ranking';
    case 'shelf':
      return `#/portfolio/${route.shelf}`;
    case 'help':
      return route.section ? `#/help/${e(route.section)}` : '#/help';
    case 'new':
      return route.baselineId ? `#/new/from/${e(route.baselineId)}` : '#/new';
    case 'merge':
    case 'compare':
      return `#/${route.screen}/${e(route.leftId)}/${e(route.rightId)}`;
    case 'assessment': {
      const base = `#/a/${e(route.id)}`;
      switch (route.view) {
        case 'rate':
          return route.indicatorId ? `${base}/i/${e(route.indicatorId)}` : base;
        case 'setup':
          return `${base}/setup/${route.step}`;
        case 'sessions':
          return route.sessionId ? `${base}/sessions/${e(route.sessionId)}` : `${base}/sessions`;
        case 'capture':
          return route.indicatorId ? `${base}/capture/${e(route.sessionId)}/${e(route.indicatorId)}` : `${base}/capture/${e(route.sessionId)}`;
        default:
          return `${base}/${route.view}`;
      }
    }
  }
}
