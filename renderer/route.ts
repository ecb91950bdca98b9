import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { href, parseRoute, type Route } from './paths';

export * from './paths';

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/**
 * Follows a click on an in-app link (`#/…`) at once: the address changes with pushState and the
 * new screen renders in the click's own task, where letting the browser follow the link would
 * wait for its hashchange task and then for React's scheduled render. The hashchange event is
 * still sent, so that whatever listens for it (saving before leaving a view) runs as before.
 */
function followAppLink(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.target !== '') return;
  event.preventDefault();
  followHash(link.getAttribute('href')!);
}

/**
 * Goes to an in-app address (`#/…`) and renders it before returning, as a followed link does:
 * a key press right after (e.g. "]" then "4") then reaches the new screen, not the old one.
 */
export function followHash(hash: string): void {
  if (hash === window.location.hash) return;
  const oldURL = window.location.href;
  window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: window.location.href }));
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => flushSync(() => setHash(window.location.hash));
    window.addEventListener('hashchange', update);
    document.addEventListener('click', followAppLink);
    return () => {
      window.removeEventListener('hashchange', update);
      document.removeEventListener('click', followAppLink);
    };
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}
