/**
 * One template per message kind, in Dutch and English: the in-app notification and both parts of
 * the e-mail (HTML and text) are rendered from it (`render-message.ts`). i18next syntax:
 * `{{name}}` inserts a parameter; `{{x, brusselsDateTime}}` an instant on the Brussels clock,
 * `{{x, brusselsDate}}` a date, `{{x, euro}}` cents as money, `{{count, number}}` a number, each
 * through `src/shared/brussels-time.ts` / `money.ts` in the recipient's language. Keys ending in
 * `_one` / `_other` are plural forms chosen by `count`; `_<context>` keys are chosen by the
 * `context` parameter. `item` (optional) words one element of the `items` list.
 */
export interface MessageTemplate {
  subject: string;
  body?: string;
  /** The label of the link to the item. */
  action: string;
  item?: string;
  [variant: string]: string | undefined;
}

/** A parameter: text, a number, nothing, or text that differs per language (a call's title). */
export type ParamValue = string | number | null | { nl: string; en: string };
export interface MessageParams {
  /** Chooses the plural form (`_one`, `_other`, `_zero`). */
  count?: number;
  /** Chooses a `_<context>` variant of a key. */
  context?: string;
  /** A list, each element worded by the `item` key. */
  items?: Record<string, ParamValue>[];
  [name: string]: ParamValue | Record<string, ParamValue>[] | undefined;
}

export const MESSAGE_TEMPLATES = {
  'call.amended': {
    nl: {
      subject: 'Oproep {{call}} gewijzigd (amendement {{number}})',
      body: 'De oproep {{call}} waarin je een voorstel hebt, werd gewijzigd.\n\nMotivering: {{motivation}}',
      action: 'Bekijk de oproep',
    },
    en: {
      subject: 'Call {{call}} amended (amendment {{number}})',
      body: 'Call {{call}}, in which you have a proposal, was amended.\n\nMotivation: {{motivation}}',
      action: 'View the call',
    },
  },
  'proposal.submitted': {
    nl: {
      subject: 'Ontvangstbevestiging {{reference}} (versie {{version}})',
      body:
        'Je voorstel {{reference}} werd ingediend op {{submittedAt, brusselsDateTime}} (Brusselse tijd).\n\n' +
        'Controlegetal SHA-256: {{sha256}}',
      action: 'Bekijk het ontvangstbewijs',
    },
    en: {
      subject: 'Receipt {{reference}} (version {{version}})',
      body:
        'Your proposal {{reference}} was submitted on {{submittedAt, brusselsDateTime}} (Brussels time).\n\n' +
        'SHA-256 checksum: {{sha256}}',
      action: 'View the receipt',
    },
  },
  'proposal.shared': {
    nl: {
      subject: 'Je werd toegevoegd aan voorstel {{reference}}',
      body: 'Je kan nu meewerken aan voorstel {{reference}}.',
      action: 'Open het voorstel',
    },
    en: {
      subject: 'You were added to proposal {{reference}}',
      body: 'You can now work on proposal {{reference}}.',
      action: 'Open the proposal',
    },
  },
  'proposal.eligibility': {
    nl: {
      subject_eligible: '{{reference}} is ontvankelijk',
      subject_ineligible: '{{reference}} is niet ontvankelijk',
      subject: '{{reference}}: ontvankelijkheid beoordeeld',
      body: 'Motivering: {{motivation}}',
      action: 'Open het voorstel',
    },
    en: {
      subject_eligible: '{{reference}} is eligible',
      subject_ineligible: '{{reference}} is not eligible',
      subject: '{{reference}}: eligibility decided',
      body: 'Motivation: {{motivation}}',
      action: 'Open the proposal',
    },
  },
  'proposal.clarification_requested': {
    nl: {
      subject: 'Vraag om verduidelijking bij {{reference}}',
      body: 'Antwoord vóór {{due, brusselsDateTime}} (Brusselse tijd).',
      action: 'Beantwoord de vraag',
    },
    en: {
      subject: 'Clarification requested on {{reference}}',
      body: 'Answer before {{due, brusselsDateTime}} (Brussels time).',
      action: 'Answer the question',
    },
  },
  'proposal.clarification_answered': {
    nl: { subject: 'Antwoord op verduidelijking bij {{reference}}', action: 'Open het voorstel' },
    en: { subject: 'Clarification answered on {{reference}}', action: 'Open the proposal' },
  },
  'review.invited': {
    nl: {
      subject: 'Uitnodiging als expert: {{callTitle}}',
      body: 'Aanvaard de verklaring van vertrouwelijkheid en onafhankelijkheid om de voorstellen te zien.',
      action: 'Naar je beoordelingen',
    },
    en: {
      subject: 'Invitation as expert: {{callTitle}}',
      body: 'Accept the confidentiality and independence declaration to see the proposals.',
      action: 'Go to your reviews',
    },
  },
  'review.assigned': {
    nl: {
      subject_one: '{{count, number}} voorstel toegewezen ter beoordeling',
      subject_other: '{{count, number}} voorstellen toegewezen ter beoordeling',
      subject: '{{count, number}} voorstellen toegewezen ter beoordeling',
      body_one: 'Voor oproep {{call}} werd je {{count, number}} voorstel toegewezen.',
      body_other: 'Voor oproep {{call}} werden je {{count, number}} voorstellen toegewezen.',
      action: 'Naar je beoordelingen',
    },
    en: {
      subject_one: '{{count, number}} proposal assigned for review',
      subject_other: '{{count, number}} proposals assigned for review',
      subject: '{{count, number}} proposals assigned for review',
      body_one: 'For call {{call}}, {{count, number}} proposal was assigned to you.',
      body_other: 'For call {{call}}, {{count, number}} proposals were assigned to you.',
      action: 'Go to your reviews',
    },
  },
  'review.reminder': {
    nl: {
      subject_one: 'Herinnering: {{count, number}} beoordeling open voor {{call}}',
      subject_other: 'Herinnering: {{count, number}} beoordelingen open voor {{call}}',
      subject: 'Herinnering: beoordelingen open voor {{call}}',
      body_one: 'Dien ze in vóór {{deadline, brusselsDateTime}} (Brusselse tijd).',
      body_other: 'Dien ze in vóór {{deadline, brusselsDateTime}} (Brusselse tijd).',
      body_nodeadline_one: 'Dien ze zo snel mogelijk in.',
      body_nodeadline_other: 'Dien ze zo snel mogelijk in.',
      action: 'Naar je beoordelingen',
    },
    en: {
      subject_one: 'Reminder: {{count, number}} review open for {{call}}',
      subject_other: 'Reminder: {{count, number}} reviews open for {{call}}',
      subject: 'Reminder: reviews open for {{call}}',
      body_one: 'Please submit it before {{deadline, brusselsDateTime}} (Brussels time).',
      body_other: 'Please submit them before {{deadline, brusselsDateTime}} (Brussels time).',
      body_nodeadline_one: 'Please submit it as soon as you can.',
      body_nodeadline_other: 'Please submit them as soon as you can.',
      action: 'Go to your reviews',
    },
  },
  'review.decision': {
    nl: {
      subject: 'Beslissing over {{reference}}: evaluatieverslag beschikbaar',
      body:
        '{{outcome}}. {{reasons}}\n\nHet evaluatieverslag van ‘{{title}}’ staat klaar. ' +
        'Bezwaar is mogelijk tot {{objectionDeadline, brusselsDate}}.',
      body_funded:
        '{{outcome}} ({{amount, euro}}). {{reasons}}\n\nHet evaluatieverslag van ‘{{title}}’ staat klaar. ' +
        'Bezwaar is mogelijk tot {{objectionDeadline, brusselsDate}}.',
      action: 'Lees het evaluatieverslag',
    },
    en: {
      subject: 'Decision on {{reference}}: evaluation summary available',
      body:
        '{{outcome}}. {{reasons}}\n\nThe evaluation summary of “{{title}}” is ready. ' +
        'You can object until {{objectionDeadline, brusselsDate}}.',
      body_funded:
        '{{outcome}} ({{amount, euro}}). {{reasons}}\n\nThe evaluation summary of “{{title}}” is ready. ' +
        'You can object until {{objectionDeadline, brusselsDate}}.',
      action: 'Read the evaluation summary',
    },
  },
  'review.objection': {
    nl: {
      subject: 'Bezwaar tegen de beslissing over {{reference}}',
      body: 'De aanvrager van {{reference}} diende bezwaar in tegen je beslissing.',
      action: 'Behandel het bezwaar',
    },
    en: {
      subject: 'Objection to the decision on {{reference}}',
      body: 'The applicant of {{reference}} objected to your decision.',
      action: 'Handle the objection',
    },
  },
  'review.objection_handled': {
    nl: {
      subject_upheld: 'Je bezwaar is gegrond verklaard',
      subject_dismissed: 'Je bezwaar is ongegrond verklaard',
      subject: 'Je bezwaar werd behandeld',
      body: 'Motivering: {{motivation}}',
      action: 'Lees het evaluatieverslag',
    },
    en: {
      subject_upheld: 'Your objection was upheld',
      subject_dismissed: 'Your objection was dismissed',
      subject: 'Your objection was handled',
      body: 'Motivation: {{motivation}}',
      action: 'Read the evaluation summary',
    },
  },
  'kpi.definition_decided': {
    nl: {
      subject_approved: 'KPI {{code}} goedgekeurd',
      subject_rejected: 'KPI {{code}} afgewezen',
      subject: 'KPI {{code}} beoordeeld',
      body: 'Opmerking: {{comment}}',
      body_nocomment: '',
      action: 'Naar de KPI-bibliotheek',
    },
    en: {
      subject_approved: 'KPI {{code}} approved',
      subject_rejected: 'KPI {{code}} rejected',
      subject: 'KPI {{code}} decided',
      body: 'Comment: {{comment}}',
      body_nocomment: '',
      action: 'Go to the KPI library',
    },
  },
  'kpi.measurement_returned': {
    nl: {
      subject: 'KPI {{code}} ({{period}}) teruggestuurd',
      body: 'Opmerking: {{comment}}',
      action: 'Naar de KPI-waarden',
    },
    en: {
      subject: 'KPI {{code}} ({{period}}) returned',
      body: 'Comment: {{comment}}',
      action: 'Go to the KPI values',
    },
  },
  'partnership.action_assigned': {
    nl: {
      subject: 'Nieuwe actie voor jou: {{title}}',
      body: 'Cluster {{cluster}}, te doen tegen {{due, brusselsDate}}.',
      action: 'Bekijk de actie',
    },
    en: {
      subject: 'New action for you: {{title}}',
      body: 'Cluster {{cluster}}, due {{due, brusselsDate}}.',
      action: 'View the action',
    },
  },
  'partnership.action_due': {
    nl: {
      subject: 'Actie vervalt binnenkort: {{title}}',
      body: 'Cluster {{cluster}}, vervaldatum {{due, brusselsDate}}.',
      action: 'Naar mijn acties',
    },
    en: {
      subject: 'Action due soon: {{title}}',
      body: 'Cluster {{cluster}}, due {{due, brusselsDate}}.',
      action: 'Go to my actions',
    },
  },
  'partnership.action_overdue': {
    nl: {
      subject: 'Actie over tijd: {{title}}',
      body: 'Cluster {{cluster}}, vervaldatum {{due, brusselsDate}}.',
      action: 'Naar mijn acties',
    },
    en: {
      subject: 'Action overdue: {{title}}',
      body: 'Cluster {{cluster}}, was due {{due, brusselsDate}}.',
      action: 'Go to my actions',
    },
  },
  'partnership.report_deadline': {
    nl: {
      subject: 'Voortgangsrapport {{period}} te bezorgen tegen {{due, brusselsDate}}',
      body: 'Cluster {{cluster}}.',
      action: 'Naar de rapporten',
    },
    en: {
      subject: 'Progress report {{period}} due {{due, brusselsDate}}',
      body: 'Cluster {{cluster}}.',
      action: 'Go to the reports',
    },
  },
  'partnership.report_feedback': {
    nl: {
      subject_submitted: 'Voortgangsrapport {{period}} van {{cluster}} ingediend',
      subject_accepted: 'Voortgangsrapport {{period}} aanvaard',
      subject_to_revise: 'Voortgangsrapport {{period}} terug ter herwerking',
      subject: 'Voortgangsrapport {{period}}',
      body_submitted: 'Het rapport wacht op je beoordeling.',
      body: 'Feedback: {{feedback}}',
      action: 'Naar de rapporten',
    },
    en: {
      subject_submitted: 'Progress report {{period}} of {{cluster}} submitted',
      subject_accepted: 'Progress report {{period}} accepted',
      subject_to_revise: 'Progress report {{period}} returned for revision',
      subject: 'Progress report {{period}}',
      body_submitted: 'The report awaits your review.',
      body: 'Feedback: {{feedback}}',
      action: 'Go to the reports',
    },
  },
  'partnership.validation_open': {
    nl: {
      subject_one: '{{count, number}} KPI-waarde van {{cluster}} wacht op validatie',
      subject_other: '{{count, number}} KPI-waarden van {{cluster}} wachten op validatie',
      subject: 'KPI-waarden van {{cluster}} wachten op validatie',
      action: 'Naar de cluster',
    },
    en: {
      subject_one: '{{count, number}} KPI value of {{cluster}} awaits validation',
      subject_other: '{{count, number}} KPI values of {{cluster}} await validation',
      subject: 'KPI values of {{cluster}} await validation',
      action: 'Go to the cluster',
    },
  },
  'partnership.digest': {
    nl: {
      subject_one: 'Weekoverzicht: {{count, number}} open actie, {{overdue, number}} over tijd',
      subject_other: 'Weekoverzicht: {{count, number}} open acties, {{overdue, number}} over tijd',
      subject: 'Weekoverzicht: {{count, number}} open acties, {{overdue, number}} over tijd',
      body_one: 'Je open actie:',
      body_other: 'Je open acties:',
      body_zero: 'Geen open acties.',
      item: '{{due, brusselsDate}}: {{title}}',
      item_overdue: '{{due, brusselsDate}} (over tijd): {{title}}',
      action: 'Naar mijn acties',
    },
    en: {
      subject_one: 'Weekly digest: {{count, number}} open action, {{overdue, number}} overdue',
      subject_other: 'Weekly digest: {{count, number}} open actions, {{overdue, number}} overdue',
      subject: 'Weekly digest: {{count, number}} open actions, {{overdue, number}} overdue',
      body_one: 'Your open action:',
      body_other: 'Your open actions:',
      body_zero: 'No open actions.',
      item: '{{due, brusselsDate}}: {{title}}',
      item_overdue: '{{due, brusselsDate}} (overdue): {{title}}',
      action: 'Go to my actions',
    },
  },
} satisfies Record<string, { nl: MessageTemplate; en: MessageTemplate }>;

export type MessageKind = keyof typeof MESSAGE_TEMPLATES;
