export default {
  nl: {
    nav: { notifications: 'Meldingen' },
    title: 'Meldingen',
    intro:
      'Berichten over je oproepen, opvolging, validaties en acties. Dezelfde berichten gaan ook per e-mail.',
    unreadOnly: 'Alleen ongelezen',
    markRead: 'Markeer als gelezen',
    open: 'Openen',
    none: 'Geen meldingen.',
    when: 'Wanneer',
    message: 'Bericht',
  },
  en: {
    nav: { notifications: 'Notifications' },
    title: 'Notifications',
    intro:
      'Messages about your calls, follow-up, validations and actions. The same messages are also sent by e-mail.',
    unreadOnly: 'Unread only',
    markRead: 'Mark as read',
    open: 'Open',
    none: 'No notifications.',
    when: 'When',
    message: 'Message',
  },
};
