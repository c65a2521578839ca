export default {
  nl: {
    nav: { home: 'Start' },
    welcome: 'Welkom, {{name}}',
    intro:
      'Speerpunt brengt het Vlaamse clusterbeleid samen: clusters en hun leden, oproepen en strikte selectie, vooraf bepaalde KPI\u2019s, financiering en de opvolging als partner.',
    yourRole: 'Je rol: {{role}}',
    roleHelp: {
      admin: 'Je beheert gebruikers, rollen, taxonomieën en instellingen.',
      officer:
        'Je volgt clusters op, beheert oproepen, valideert KPI\u2019s, beheert budgetten en neemt beslissingen.',
      manager: 'Je beheert je eigen cluster: leden, roadmap, KPI\u2019s, rapporten en projecten.',
      applicant: 'Je dient voorstellen in op open oproepen en volgt ze op.',
      expert: 'Je beoordeelt de voorstellen die aan jou zijn toegewezen.',
      analyst: 'Je raadpleegt portefeuille, evaluatie, lacunes en scenario\u2019s en exporteert gegevens.',
    },
  },
  en: {
    nav: { home: 'Home' },
    welcome: 'Welcome, {{name}}',
    intro:
      "Speerpunt brings Flanders' cluster policy together: clusters and their members, calls and strict selection, KPIs set in advance, funding, and follow-up as a partner.",
    yourRole: 'Your role: {{role}}',
    roleHelp: {
      admin: 'You manage users, roles, taxonomies and settings.',
      officer: 'You follow up clusters, run calls, validate KPIs, manage budgets and take decisions.',
      manager: 'You maintain your own cluster: members, roadmap, KPIs, reports and projects.',
      applicant: 'You submit proposals to open calls and follow them up.',
      expert: 'You review the proposals assigned to you.',
      analyst: 'You read the portfolio, evaluation, gaps and scenarios, and export data.',
    },
  },
};
