import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const PublicHomePage = lazyPage(() => import('./public-home-page'), 'PublicHomePage');
const PublicPortfolioPage = lazyPage(() => import('./public-portfolio-page'), 'PublicPortfolioPage');

export const feature: Feature = {
  routes: [],
  nav: [],
  publicRoutes: [
    { path: '', element: <PublicHomePage /> },
    { path: 'portfolio', element: <PublicPortfolioPage /> },
  ],
};
