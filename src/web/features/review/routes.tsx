import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const ReviewCallsPage = lazyPage(() => import('./calls-page'), 'ReviewCallsPage');
const CallReviewPage = lazyPage(() => import('./call-page'), 'CallReviewPage');
const MyReviewsPage = lazyPage(() => import('./my-reviews-page'), 'MyReviewsPage');
const ReviewWorkspacePage = lazyPage(() => import('./workspace-page'), 'ReviewWorkspacePage');
const SummaryPage = lazyPage(() => import('./summary-page'), 'SummaryPage');
const ToolsPage = lazyPage(() => import('./tools-page'), 'ToolsPage');
const ExpertPoolPage = lazyPage(() => import('./experts-page'), 'ExpertPoolPage');

export const feature: Feature = {
  routes: [
    { path: 'review/calls', element: <ReviewCallsPage />, roles: ['officer', 'admin', 'analyst'] },
    { path: 'review/calls/:callId', element: <CallReviewPage />, roles: ['officer', 'admin'] },
    { path: 'review/my', element: <MyReviewsPage />, roles: ['expert'] },
    {
      path: 'review/proposals/:proposalId',
      element: <ReviewWorkspacePage />,
      roles: ['expert', 'officer', 'admin'],
    },
    {
      path: 'review/summaries/:proposalId',
      element: <SummaryPage />,
      roles: ['applicant', 'officer', 'admin'],
    },
    { path: 'review/tools', element: <ToolsPage />, roles: ['officer', 'admin', 'analyst'] },
    { path: 'review/experts', element: <ExpertPoolPage />, roles: ['officer', 'admin'] },
  ],
  nav: [
    { to: '/review/calls', labelKey: 'review:nav.calls', roles: ['officer', 'admin', 'analyst'], order: 300 },
    { to: '/review/my', labelKey: 'review:nav.my', roles: ['expert'], order: 300 },
    { to: '/review/experts', labelKey: 'review:nav.pool', roles: ['officer', 'admin'], order: 305 },
  ],
};
