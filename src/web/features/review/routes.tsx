import type { Feature } from '../../app/feature-registry';
import { ReviewCallsPage } from './calls-page';
import { CallReviewPage } from './call-page';
import { MyReviewsPage } from './my-reviews-page';
import { ReviewWorkspacePage } from './workspace-page';
import { SummaryPage } from './summary-page';
import { ToolsPage } from './tools-page';
import { ExpertPoolPage } from './experts-page';

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
    // A developer's tool (JSON in, JSON out): under Tools, out of the daily menus.
    {
      to: '/review/tools',
      labelKey: 'review:nav.tools',
      roles: ['officer', 'admin', 'analyst'],
      order: 990,
      section: 'tools',
    },
  ],
};
