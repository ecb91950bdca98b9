import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'home' }
  | { screen: 'new' }
  | { screen: 'assessment'; id: string; indicatorId?: string; view: 'rate' | 'results' };

/** Hash routes, so that reload keeps the place and no server routing is needed: #/a/<id>/i/<indicator>. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { screen: 'new' };
  if (parts[0] === 'a' && parts[1]) {
    if (parts[2] === 'results') return { screen: 'assessment', id: parts[1], view: 'results' };
    if (parts[2] === 'i' && parts[3]) return { screen: 'assessment', id: parts[1], indicatorId: parts[3], view: 'rate' };
    return { screen: 'assessment', id: parts[1], view: 'rate' };
  }
  return { screen: 'home' };
}

export function href(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'new':
      return '#/new';
    case 'assessment': {
      const base = `#/a/${encodeURIComponent(route.id)}`;
      if (route.view === 'results') return `${base}/results`;
      return route.indicatorId ? `${base}/i/${encodeURIComponent(route.indicatorId)}` : base;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
