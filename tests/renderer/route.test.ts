import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../renderer/route';

describe('hash routes', () => {
  const routes: Route[] = [
    { screen: 'home' },
    { screen: 'new' },
    { screen: 'new', baselineId: 'b4c1d2e3-0000' },
    { screen: 'import' },
    { screen: 'import', at: 3 },
    { screen: 'settings' },
    { screen: 'help' },
    { screen: 'help', section: 'rating' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'rate' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'rate', indicatorId: 'hygiene.strategy.document' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'setup', step: 'context' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'sessions' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'sessions', sessionId: 'new' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'capture', sessionId: 's1234567' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'capture', sessionId: 's1234567', indicatorId: 'cip.regulation.requirements' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'review' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'results' },
    { screen: 'assessment', id: 'a1b2c3d4', view: 'history' },
    { screen: 'compareMany', ids: ['a1', 'b2', 'c3'] },
    { screen: 'trend', country: 'GH' },
    { screen: 'ranking' },
    { screen: 'shelf', shelf: 'archive' },
    { screen: 'shelf', shelf: 'trash' },
  ];
  it.each(routes.map((r) => [href(r), r] as const))('%s survives a reload', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('falls back to something sensible for unknown or damaged addresses', () => {
    expect(parseRoute('')).toEqual({ screen: 'home' });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'home' });
    expect(parseRoute('#/import/x')).toEqual({ screen: 'import' });
    expect(parseRoute('#/a/x/setup/unknown-step')).toEqual({ screen: 'assessment', id: 'x', view: 'setup', step: 'basics' });
    expect(parseRoute('#/a/x/capture')).toEqual({ screen: 'assessment', id: 'x', view: 'sessions' });
    expect(parseRoute('#/a/x/i/%E0%A4%A')).toEqual({ screen: 'assessment', id: 'x', view: 'rate', indicatorId: '%E0%A4%A' });
    expect(parseRoute('#/portfolio/trend/ghana')).toEqual({ screen: 'home' });
    expect(parseRoute('#/portfolio/compare')).toEqual({ screen: 'home' });
    // The skip link's own target must not take the user home.
    expect(parseRoute('#main')).toEqual({ screen: 'home' });
  });
});
