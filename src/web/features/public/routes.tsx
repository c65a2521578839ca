import type { Feature } from '../../app/feature-registry';
import { PublicHomePage } from './public-home-page';
import { PublicPortfolioPage } from './public-portfolio-page';

export const feature: Feature = {
  routes: [],
  nav: [],
  publicRoutes: [
    { path: '', element: <PublicHomePage /> },
    { path: 'portfolio', element: <PublicPortfolioPage /> },
  ],
};
