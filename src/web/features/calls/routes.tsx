import type { Feature } from '../../app/feature-registry';
import { lazyPage } from '../../app/lazy-page';
const CallEditorPage = lazyPage(() => import('./call-editor-page'), 'CallEditorPage');
const CallPage = lazyPage(() => import('./call-pages'), 'CallPage');
const CallsPage = lazyPage(() => import('./call-pages'), 'CallsPage');
const PublicCallPage = lazyPage(() => import('./call-pages'), 'PublicCallPage');
const PublicCallsPage = lazyPage(() => import('./call-pages'), 'PublicCallsPage');
const CallProposalsPage = lazyPage(() => import('./proposal-pages'), 'CallProposalsPage');
const MyProposalsPage = lazyPage(() => import('./proposal-pages'), 'MyProposalsPage');
const ProposalPage = lazyPage(() => import('./proposal-pages'), 'ProposalPage');
const ReceiptPage = lazyPage(() => import('./proposal-pages'), 'ReceiptPage');

const ALL = ['admin', 'officer', 'manager', 'applicant', 'expert', 'analyst'] as const;

export const feature: Feature = {
  routes: [
    { path: 'calls', element: <CallsPage /> },
    { path: 'calls/new', element: <CallEditorPage />, roles: ['officer'] },
    { path: 'calls/:id', element: <CallPage /> },
    { path: 'calls/:id/edit', element: <CallEditorPage />, roles: ['officer'] },
    { path: 'calls/:id/proposals', element: <CallProposalsPage />, roles: ['officer'] },
    { path: 'proposals', element: <MyProposalsPage />, roles: ['applicant'] },
    { path: 'proposals/:id', element: <ProposalPage />, roles: ['applicant', 'officer'] },
    { path: 'proposals/:id/receipt', element: <ReceiptPage />, roles: ['applicant'] },
  ],
  publicRoutes: [
    { path: 'calls', element: <PublicCallsPage /> },
    { path: 'calls/:id', element: <PublicCallPage /> },
  ],
  nav: [
    { to: '/calls', labelKey: 'calls:nav.calls', roles: [...ALL], order: 300 },
    { to: '/proposals', labelKey: 'calls:nav.myProposals', roles: ['applicant'], order: 310 },
  ],
};
