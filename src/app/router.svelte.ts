/**
 * The current route as reactive state, following the URL hash.
 */
import { parseRoute, type Route } from '../lib/routes';

class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }
}

export const router = new Router();
