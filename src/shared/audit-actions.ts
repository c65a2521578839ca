/**
 * Every action the audit trail records, with its label in Dutch and English. `recordAudit` accepts
 * only these codes (the compiler checks every code written in src/server), so the audit page never
 * shows a code without words; the code itself stays in the trail and in a secondary column.
 */
export const AUDIT_ACTION_LABELS = {
  'api_token.created': { nl: 'API-sleutel aangemaakt', en: 'API token created' },
  'api_token.revoked': { nl: 'API-sleutel ingetrokken', en: 'API token revoked' },
  'auth.login': { nl: 'Aangemeld', en: 'Signed in' },
  'auth.logout': { nl: 'Afgemeld', en: 'Signed out' },
  'auth.oidc_refused': {
    nl: 'Aanmelding via identiteitsprovider geweigerd',
    en: 'Sign-in through the identity provider refused',
  },
  'auth.password_accepted': {
    nl: 'Wachtwoord aanvaard, tweede stap gevraagd',
    en: 'Password accepted, second step asked',
  },
  'auth.provider_accepted': {
    nl: 'Identiteitsprovider aanvaard, tweede factor van het account gevraagd',
    en: "Identity provider accepted, the account's second factor asked",
  },
  'auth.second_factor_failed': { nl: 'Tweede factor mislukt', en: 'Second factor failed' },
  'auth.totp_disabled': { nl: 'Authenticator-app uitgeschakeld', en: 'Authenticator app disabled' },
  'auth.totp_enrolled': { nl: 'Authenticator-app ingesteld', en: 'Authenticator app set up' },
  'auth.totp_enrolment_started': {
    nl: 'Instellen van authenticator-app gestart',
    en: 'Authenticator app set-up started',
  },
  'base_operations.granted': { nl: 'Basiswerking toegekend', en: 'Base operations funding granted' },
  'call.amended': { nl: 'Oproep gewijzigd na publicatie', en: 'Call amended after publication' },
  'call.closed': { nl: 'Oproep gesloten', en: 'Call closed' },
  'call.created': { nl: 'Oproep aangemaakt', en: 'Call created' },
  'call.decided': { nl: 'Oproep beslist', en: 'Call decided' },
  'call.in_evaluation': { nl: 'Beoordeling van de oproep gestart', en: 'Call evaluation started' },
  'call.published': { nl: 'Oproep gepubliceerd', en: 'Call published' },
  'call.updated': { nl: 'Ontwerp van oproep bijgewerkt', en: 'Call draft updated' },
  'cluster.created': { nl: 'Cluster aangemaakt', en: 'Cluster created' },
  'cluster.promoted': { nl: 'Cluster bevorderd', en: 'Cluster promoted' },
  'cluster.status_changed': { nl: 'Status van cluster gewijzigd', en: 'Cluster status changed' },
  'cluster.updated': { nl: 'Cluster bijgewerkt', en: 'Cluster updated' },
  'commitment.created': { nl: 'Vastlegging gemaakt', en: 'Commitment made' },
  'commitment.created_with_de_minimis_override': {
    nl: 'Vastlegging gemaakt ondanks de-minimisplafond',
    en: 'Commitment made despite the de minimis ceiling',
  },
  'database.backup': { nl: 'Back-up van de databank gemaakt', en: 'Database backup made' },
  'deliverable.accepted': { nl: 'Opleverbaar resultaat aanvaard', en: 'Deliverable accepted' },
  'deliverable.delivered': { nl: 'Opleverbaar resultaat opgeleverd', en: 'Deliverable delivered' },
  'demo.kpi_targets_set': { nl: 'Voorbeeld: KPI-doelen ingesteld', en: 'Example: KPI targets set' },
  'demo.kpis_loaded': { nl: 'Voorbeeld: KPI’s geladen', en: 'Example: KPIs loaded' },
  'demo.kpis_reported': { nl: 'Voorbeeld: KPI-waarden gerapporteerd', en: 'Example: KPI values reported' },
  'demo.policy_loaded': { nl: 'Voorbeeld: beleidsgegevens geladen', en: 'Example: policy data loaded' },
  'demo.portfolio_extra_loaded': {
    nl: 'Voorbeeld: extra portfolio geladen',
    en: 'Example: extra portfolio loaded',
  },
  'demo.portfolio_loaded': { nl: 'Voorbeeld: portfolio geladen', en: 'Example: portfolio loaded' },
  'demo.review_loaded': { nl: 'Voorbeeld: beoordeling geladen', en: 'Example: review loaded' },
  'expert.profile_saved': { nl: 'Expertprofiel bewaard', en: 'Expert profile saved' },
  'funding.reallocated': { nl: 'Budget herverdeeld', en: 'Budget reallocated' },
  'funding_line.created': { nl: 'Financieringslijn aangemaakt', en: 'Funding line created' },
  'kbo.imported': { nl: 'KBO-gegevens ingelezen', en: 'Company register data imported' },
  'kpi.cordis_imported': { nl: 'CORDIS-deelnames ingelezen', en: 'CORDIS participations imported' },
  'kpi.definition_approved': { nl: 'KPI-definitie goedgekeurd', en: 'KPI definition approved' },
  'kpi.definition_created': { nl: 'KPI-definitie aangemaakt', en: 'KPI definition created' },
  'kpi.definition_proposed': { nl: 'KPI-definitie voorgesteld', en: 'KPI definition proposed' },
  'kpi.definition_rejected': { nl: 'KPI-definitie afgewezen', en: 'KPI definition rejected' },
  'kpi.diffusion_recorded': { nl: 'Verspreiding geregistreerd', en: 'Diffusion recorded' },
  'kpi.eu_participation_linked': { nl: 'EU-deelname gekoppeld', en: 'EU participation linked' },
  'kpi.library_installed': {
    nl: 'Standaardbibliotheek van KPI’s geïnstalleerd',
    en: 'Standard KPI library installed',
  },
  'kpi.measurement_reported': { nl: 'KPI-waarde gerapporteerd', en: 'KPI value reported' },
  'kpi.measurement_rereported': { nl: 'KPI-waarde opnieuw gerapporteerd', en: 'KPI value reported again' },
  'kpi.measurement_returned': { nl: 'KPI-waarde teruggestuurd', en: 'KPI value returned' },
  'kpi.measurement_validated': { nl: 'KPI-waarde gevalideerd', en: 'KPI value validated' },
  'kpi.period_closed': { nl: 'Rapportageperiode afgesloten', en: 'Reporting period closed' },
  'kpi.period_created': { nl: 'Rapportageperiode aangemaakt', en: 'Reporting period created' },
  'kpi.period_opened': { nl: 'Rapportageperiode geopend', en: 'Reporting period opened' },
  'kpi.settings_changed': { nl: 'KPI-instellingen gewijzigd', en: 'KPI settings changed' },
  'kpi.target_amended': { nl: 'KPI-doel aangepast na ondertekening', en: 'KPI target amended after signing' },
  'kpi.target_changed': { nl: 'KPI-doel gewijzigd', en: 'KPI target changed' },
  'kpi.target_set': { nl: 'KPI-doel ingesteld', en: 'KPI target set' },
  'membership.created': { nl: 'Lidmaatschap toegevoegd', en: 'Membership added' },
  'membership.imported': { nl: 'Lidmaatschappen ingelezen', en: 'Memberships imported' },
  'membership.updated': { nl: 'Lidmaatschap bijgewerkt', en: 'Membership updated' },
  'milestone.accepted': { nl: 'Mijlpaal aanvaard', en: 'Milestone accepted' },
  'milestone.reported': { nl: 'Mijlpaal gerapporteerd', en: 'Milestone reported' },
  'milestone.returned': { nl: 'Mijlpaal teruggestuurd', en: 'Milestone returned' },
  'organisation.created': { nl: 'Organisatie aangemaakt', en: 'Organisation created' },
  'organisation.sme_figures_saved': {
    nl: 'Kmo-cijfers van organisatie bewaard',
    en: 'Organisation SME figures saved',
  },
  'organisation.updated': { nl: 'Organisatie bijgewerkt', en: 'Organisation updated' },
  'partnership_action.cancelled': { nl: 'Actiepunt geannuleerd', en: 'Action item cancelled' },
  'partnership_action.commented': { nl: 'Commentaar bij actiepunt', en: 'Action item commented on' },
  'partnership_action.created': { nl: 'Actiepunt aangemaakt', en: 'Action item created' },
  'partnership_action.done': { nl: 'Actiepunt afgewerkt', en: 'Action item done' },
  'partnership_action.in_progress': { nl: 'Actiepunt in uitvoering', en: 'Action item in progress' },
  'partnership_action.open': { nl: 'Actiepunt heropend', en: 'Action item reopened' },
  'partnership_action.updated': { nl: 'Actiepunt bijgewerkt', en: 'Action item updated' },
  'partnership_agreement.amended': {
    nl: 'Samenwerkingsovereenkomst gewijzigd na ondertekening',
    en: 'Partnership agreement amended after signing',
  },
  'partnership_agreement.created': {
    nl: 'Samenwerkingsovereenkomst aangemaakt',
    en: 'Partnership agreement created',
  },
  'partnership_agreement.signed': {
    nl: 'Samenwerkingsovereenkomst ondertekend',
    en: 'Partnership agreement signed',
  },
  'partnership_agreement.updated': {
    nl: 'Samenwerkingsovereenkomst bijgewerkt',
    en: 'Partnership agreement updated',
  },
  'partnership_calendar.token_created': { nl: 'Agendakoppeling aangemaakt', en: 'Calendar link created' },
  'partnership_meeting.created': { nl: 'Overleg gepland', en: 'Meeting planned' },
  'partnership_meeting.updated': { nl: 'Overleg bijgewerkt', en: 'Meeting updated' },
  'partnership_minutes.new_version': {
    nl: 'Nieuwe versie van het verslag',
    en: 'New version of the minutes',
  },
  'partnership_minutes.saved': { nl: 'Verslag bewaard', en: 'Minutes saved' },
  'partnership_minutes.signed_off': { nl: 'Verslag goedgekeurd', en: 'Minutes signed off' },
  'partnership_period.closed': {
    nl: 'Periode van het partnerschap afgesloten',
    en: 'Partnership period closed',
  },
  'partnership_preferences.saved': {
    nl: 'Voorkeuren voor herinneringen bewaard',
    en: 'Reminder preferences saved',
  },
  'partnership_reminders.sent': { nl: 'Herinneringen verstuurd', en: 'Reminders sent' },
  'partnership_report.accepted': { nl: 'Voortgangsrapport aanvaard', en: 'Progress report accepted' },
  'partnership_report.created': { nl: 'Voortgangsrapport aangemaakt', en: 'Progress report created' },
  'partnership_report.resubmitted': {
    nl: 'Voortgangsrapport opnieuw ingediend',
    en: 'Progress report resubmitted',
  },
  'partnership_report.returned': { nl: 'Voortgangsrapport teruggestuurd', en: 'Progress report returned' },
  'partnership_report.submitted': { nl: 'Voortgangsrapport ingediend', en: 'Progress report submitted' },
  'partnership_report.updated': { nl: 'Voortgangsrapport bijgewerkt', en: 'Progress report updated' },
  'payment.planned': { nl: 'Betaling gepland', en: 'Payment planned' },
  'payment.released': { nl: 'Betaling vrijgegeven', en: 'Payment released' },
  'policy.register_generated': { nl: 'Register gegenereerd', en: 'Register generated' },
  'policy.scenario_updated': { nl: 'Scenario bijgewerkt', en: 'Scenario updated' },
  'policy.scores_saved': { nl: 'Scores bewaard', en: 'Scores saved' },
  'policy.stakeholder_created': { nl: 'Belanghebbende toegevoegd', en: 'Stakeholder added' },
  'policy.weights_set': { nl: 'Gewichten ingesteld', en: 'Weights set' },
  'project.created': { nl: 'Project aangemaakt', en: 'Project created' },
  'project.deliverable_added': {
    nl: 'Opleverbaar resultaat toegevoegd aan project',
    en: 'Deliverable added to project',
  },
  'project.milestone_added': { nl: 'Mijlpaal toegevoegd aan project', en: 'Milestone added to project' },
  'proposal.attachment_added': { nl: 'Bijlage toegevoegd', en: 'Attachment added' },
  'proposal.attachment_removed': { nl: 'Bijlage verwijderd', en: 'Attachment removed' },
  'proposal.break_glass': {
    nl: 'Verzegeld voorstel geopend met motivering',
    en: 'Sealed proposal opened with a motivation',
  },
  'proposal.clarification_answered': {
    nl: 'Verduidelijkingsvraag beantwoord',
    en: 'Clarification request answered',
  },
  'proposal.clarification_asked': { nl: 'Verduidelijking gevraagd', en: 'Clarification asked' },
  'proposal.collaborator_added': { nl: 'Medeaanvrager toegevoegd', en: 'Co-applicant added' },
  'proposal.collaborator_removed': { nl: 'Medeaanvrager verwijderd', en: 'Co-applicant removed' },
  'proposal.draft_saved': { nl: 'Ontwerp van voorstel bewaard', en: 'Proposal draft saved' },
  'proposal.eligibility_decided': { nl: 'Ontvankelijkheid beslist', en: 'Eligibility decided' },
  'proposal.eligibility_rule_confirmed': {
    nl: 'Ontvankelijkheidsregel bevestigd',
    en: 'Eligibility rule confirmed',
  },
  'proposal.eligibility_rule_overridden': {
    nl: 'Ontvankelijkheidsregel anders beoordeeld',
    en: 'Eligibility rule overridden',
  },
  'proposal.read_sealed': { nl: 'Verzegeld voorstel gelezen', en: 'Sealed proposal read' },
  'proposal.reopened': { nl: 'Voorstel heropend als ontwerp', en: 'Proposal reopened as a draft' },
  'proposal.representative_confirmed': {
    nl: 'Vertegenwoordiger van partner bevestigd',
    en: 'Partner representative confirmed',
  },
  'proposal.started': { nl: 'Voorstel gestart', en: 'Proposal started' },
  'proposal.status_draft': { nl: 'Voorstel terug naar ontwerp', en: 'Proposal back to draft' },
  'proposal.status_eligible': { nl: 'Voorstel ontvankelijk', en: 'Proposal eligible' },
  'proposal.status_funded': { nl: 'Voorstel gefinancierd', en: 'Proposal funded' },
  'proposal.status_ineligible': { nl: 'Voorstel niet ontvankelijk', en: 'Proposal ineligible' },
  'proposal.status_ranked': { nl: 'Voorstel gerangschikt', en: 'Proposal ranked' },
  'proposal.status_rejected': { nl: 'Voorstel afgewezen', en: 'Proposal rejected' },
  'proposal.status_reserve': { nl: 'Voorstel op de reservelijst', en: 'Proposal on the reserve list' },
  'proposal.status_submitted': { nl: 'Voorstel op ingediend gezet', en: 'Proposal set to submitted' },
  'proposal.status_under_review': { nl: 'Voorstel in beoordeling', en: 'Proposal under review' },
  'proposal.status_withdrawn': { nl: 'Voorstel ingetrokken', en: 'Proposal withdrawn' },
  'proposal.submitted': { nl: 'Voorstel ingediend', en: 'Proposal submitted' },
  'proposal.withdrawn': { nl: 'Voorstel ingetrokken', en: 'Proposal withdrawn' },
  'report.accepted': { nl: 'Rapport aanvaard', en: 'Report accepted' },
  'report.returned': { nl: 'Rapport teruggestuurd', en: 'Report returned' },
  'report.submitted': { nl: 'Rapport ingediend', en: 'Report submitted' },
  'review.assignment_added': { nl: 'Deskundige toegewezen', en: 'Expert assigned' },
  'review.assignment_removed': { nl: 'Toewijzing verwijderd', en: 'Assignment removed' },
  'review.assignment_run': { nl: 'Toewijzing berekend', en: 'Assignment run' },
  'review.conflict_added': { nl: 'Belangenconflict toegevoegd', en: 'Conflict of interest added' },
  'review.conflict_declared': {
    nl: 'Belangenconflict gemeld door deskundige',
    en: 'Conflict of interest declared by expert',
  },
  'review.conflict_lifted': { nl: 'Belangenconflict opgeheven', en: 'Conflict of interest lifted' },
  'review.conflicts_derived': { nl: 'Belangenconflicten afgeleid', en: 'Conflicts of interest derived' },
  'review.consensus_agreed': { nl: 'Consensus vastgelegd', en: 'Consensus agreed' },
  'review.consensus_saved': { nl: 'Ontwerp van consensus bewaard', en: 'Consensus draft saved' },
  'review.decided': { nl: 'Beslissing genomen', en: 'Decision taken' },
  'review.declaration_accepted': {
    nl: 'Verklaring van deskundige aanvaard',
    en: 'Expert declaration accepted',
  },
  'review.draft_saved': { nl: 'Ontwerp van beoordeling bewaard', en: 'Review draft saved' },
  'review.experts_invited': { nl: 'Deskundigen uitgenodigd', en: 'Experts invited' },
  'review.invitation_declined': { nl: 'Uitnodiging geweigerd', en: 'Invitation declined' },
  'review.network_started': { nl: 'Beoordeling in netwerk gestart', en: 'Network review started' },
  'review.objection_filed': { nl: 'Bezwaar ingediend', en: 'Objection filed' },
  'review.objection_handled': { nl: 'Bezwaar behandeld', en: 'Objection handled' },
  'review.rapporteur_set': { nl: 'Rapporteur aangeduid', en: 'Rapporteur appointed' },
  'review.reminders_sent': { nl: 'Herinneringen aan deskundigen verstuurd', en: 'Reminders sent to experts' },
  'review.settings_saved': { nl: 'Instellingen van beoordeling bewaard', en: 'Review settings saved' },
  'review.submitted': { nl: 'Beoordeling ingediend', en: 'Review submitted' },
  'settings.de_minimis_changed': {
    nl: 'De-minimisinstellingen gewijzigd',
    en: 'De minimis settings changed',
  },
  'state_aid.recorded': { nl: 'Staatssteun geregistreerd', en: 'State aid recorded' },
  'state_aid.recorded_with_override': {
    nl: 'Staatssteun geregistreerd ondanks plafond',
    en: 'State aid recorded despite the ceiling',
  },
  'theme.created': { nl: 'Thema aangemaakt', en: 'Theme created' },
  'theme.updated': { nl: 'Thema bijgewerkt', en: 'Theme updated' },
  'user.activated': { nl: 'Account geactiveerd', en: 'Account activated' },
  'user.created': { nl: 'Account aangemaakt', en: 'Account created' },
  'user.deactivated': { nl: 'Account gedeactiveerd', en: 'Account deactivated' },
  'user.identity_linked': {
    nl: 'Account gekoppeld aan een identiteitsprovider',
    en: 'Account linked to an identity provider',
  },
  'user.profile_updated_by_provider': {
    nl: 'Naam of e-mail bijgewerkt door de identiteitsprovider',
    en: 'Name or e-mail updated by the identity provider',
  },
  'user.password_changed': { nl: 'Wachtwoord gewijzigd', en: 'Password changed' },
  'user.password_reset': { nl: 'Wachtwoord opnieuw ingesteld', en: 'Password reset' },
  'user.role_changed': { nl: 'Rol gewijzigd', en: 'Role changed' },
  'user.role_changed_by_mapping': {
    nl: 'Rol gewijzigd door de koppeling met de identiteitsprovider',
    en: 'Role changed by the identity provider mapping',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The action in words; a code from before this list (or unknown) stays as it is. */
export function auditActionLabel(action: string, language: 'nl' | 'en'): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as AuditAction][language]
    : action;
}

/**
 * Every kind of object the audit trail records actions on, in words. `recordAudit` accepts only
 * these, so the audit page names the object ("Bezwaar 7cd8844b"), never a table name.
 */
export const AUDIT_ENTITY_LABELS = {
  api_token: { nl: 'API-sleutel', en: 'API token' },
  base_operation_grant: { nl: 'Basiswerkingssteun', en: 'Base operations grant' },
  call: { nl: 'Oproep', en: 'Call' },
  cluster: { nl: 'Cluster', en: 'Cluster' },
  database: { nl: 'Databank', en: 'Database' },
  demo: { nl: 'Demogegevens', en: 'Demo data' },
  diffusion_activity: { nl: 'Diffusieactiviteit', en: 'Diffusion activity' },
  eu_import: { nl: 'EU-import', en: 'EU import' },
  eu_participation: { nl: 'EU-deelname', en: 'EU participation' },
  funding_commitment: { nl: 'Vastlegging', en: 'Commitment' },
  funding_line: { nl: 'Financieringslijn', en: 'Funding line' },
  funding_payment: { nl: 'Betaling', en: 'Payment' },
  funding_reallocation: { nl: 'Herverdeling', en: 'Reallocation' },
  funding_report: { nl: 'Financieel rapport', en: 'Funding report' },
  kbo_load: { nl: 'KBO-lading', en: 'Register load' },
  kbo_register: { nl: 'KBO-register', en: 'Enterprise register' },
  kpi_definition: { nl: 'KPI-definitie', en: 'KPI definition' },
  kpi_measurement: { nl: 'KPI-waarde', en: 'KPI value' },
  kpi_target: { nl: 'KPI-doel', en: 'KPI target' },
  membership: { nl: 'Lidmaatschap', en: 'Membership' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  partnership_action: { nl: 'Actiepunt', en: 'Action item' },
  partnership_agreement: { nl: 'Partnerschapsovereenkomst', en: 'Partnership agreement' },
  partnership_meeting: { nl: 'Overleg', en: 'Meeting' },
  partnership_reminders: { nl: 'Herinneringen', en: 'Reminders' },
  partnership_report: { nl: 'Voortgangsrapport', en: 'Progress report' },
  partnership_report_period: { nl: 'Rapporteringsperiode', en: 'Reporting period' },
  policy_criteria: { nl: 'Beleidscriteria', en: 'Policy criteria' },
  policy_scenario: { nl: 'Scenario', en: 'Scenario' },
  policy_stakeholder: { nl: 'Belanghebbende', en: 'Stakeholder' },
  project: { nl: 'Project', en: 'Project' },
  project_deliverable: { nl: 'Opleverbaar resultaat', en: 'Deliverable' },
  project_milestone: { nl: 'Mijlpaal', en: 'Milestone' },
  proposal: { nl: 'Voorstel', en: 'Proposal' },
  reporting_period: { nl: 'Rapporteringsperiode', en: 'Reporting period' },
  review: { nl: 'Beoordeling', en: 'Review' },
  review_assignment: { nl: 'Toewijzing', en: 'Assignment' },
  review_conflict: { nl: 'Belangenconflict', en: 'Conflict of interest' },
  review_objection: { nl: 'Bezwaar', en: 'Objection' },
  setting: { nl: 'Instelling', en: 'Setting' },
  state_aid_award: { nl: 'Staatssteun', en: 'State aid' },
  theme: { nl: 'Thema', en: 'Theme' },
  user: { nl: 'Gebruiker', en: 'User' },
} as const satisfies Record<string, { nl: string; en: string }>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

/** The kind of object in words; an unknown one (from before this list) stays as it is. */
export function auditEntityLabel(entityType: string, language: 'nl' | 'en'): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, entityType)
    ? AUDIT_ENTITY_LABELS[entityType as AuditEntityType][language]
    : entityType;
}

/**
 * The actors without an account that the server records (the clock, the command line, the demo
 * loader, …), in words. A person's label is an e-mail address and stays as it is.
 */
const AUDIT_SYSTEM_ACTOR_LABELS = {
  anonymous: { nl: 'Anoniem', en: 'Anonymous' },
  cli: { nl: 'Beheer via de opdrachtregel', en: 'Command-line administration' },
  clock: { nl: 'Klok (automatisch)', en: 'Clock (automatic)' },
  'demo-loader': { nl: 'Laden van de demogegevens', en: 'Demo data loader' },
  scheduler: { nl: 'Herinneringen (automatisch)', en: 'Reminders (automatic)' },
  'review-scheduler': { nl: 'Beoordelingsherinneringen (automatisch)', en: 'Review reminders (automatic)' },
} as const satisfies Record<string, { nl: string; en: string }>;

/** Who acted, in words: a system actor by name, a person by the label recorded (e-mail address). */
export function auditActorLabel(label: string, language: 'nl' | 'en'): string {
  return Object.hasOwn(AUDIT_SYSTEM_ACTOR_LABELS, label)
    ? AUDIT_SYSTEM_ACTOR_LABELS[label as keyof typeof AUDIT_SYSTEM_ACTOR_LABELS][language]
    : label;
}
