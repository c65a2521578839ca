import i18next, { type i18n } from 'i18next';
import { formatDate, formatDateTime, type Language } from '../../shared/brussels-time';
import { formatMoney, formatNumber } from '../../shared/money';
import { MESSAGE_TEMPLATES, type MessageKind, type MessageParams } from './message-templates';

export interface RenderedMessage {
  subject: string;
  /** The message without the link: the in-app notification's body. */
  body: string;
  /** The e-mail's text part and HTML part. */
  text: string;
  html: string;
}

let instance: i18n | null = null;

/** One i18next instance for the server's messages, with the shared date, money and number formats. */
function messages(): i18n {
  if (instance) return instance;
  const resources: Record<string, { mail: Record<string, string> }> = { nl: { mail: {} }, en: { mail: {} } };
  for (const [kind, template] of Object.entries(MESSAGE_TEMPLATES))
    for (const language of ['nl', 'en'] as const)
      for (const [key, value] of Object.entries(template[language] as Record<string, string | undefined>))
        if (value !== undefined) resources[language].mail[`${kind}/${key}`] = value;
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: 'nl',
    fallbackLng: false,
    ns: ['mail'],
    defaultNS: 'mail',
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    returnEmptyString: true,
    // Values are inserted as text; the HTML part escapes the whole rendered text.
    interpolation: { escapeValue: false },
  });
  const language = (lng: string | undefined): Language => (lng === 'en' ? 'en' : 'nl');
  created.services.formatter?.add('brusselsDateTime', (value: unknown, lng) =>
    formatDateTime(String(value), language(lng), 'long'),
  );
  created.services.formatter?.add('brusselsDate', (value: unknown, lng) =>
    formatDate(String(value), language(lng), 'long'),
  );
  created.services.formatter?.add('euro', (value: unknown, lng) => formatMoney(String(value), language(lng)));
  created.services.formatter?.add('number', (value: unknown, lng) =>
    formatNumber(Number(value), language(lng)),
  );
  instance = created;
  return created;
}

/** A parameter in the recipient's language (texts that differ per language are given as {nl, en}). */
function localValues(params: Record<string, unknown>, language: Language) {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value))
      out[name] = (value as Record<Language, string>)[language];
  }
  return out;
}

export function hasTemplate(kind: string): kind is MessageKind {
  return Object.hasOwn(MESSAGE_TEMPLATES, kind);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

function paragraphsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const FOOTER = {
  nl: 'Je krijgt dit bericht van Speerpunt. Kies welke meldingen je per e-mail krijgt bij',
  en: 'You receive this message from Speerpunt. Choose which notifications you get by e-mail at',
};

/**
 * Renders a message kind in one language. `publicUrl` (PUBLIC_URL) turns `link` into an absolute
 * deep link; without it (the in-app notification) the link stays out of the text.
 */
export function renderMessage(
  kind: string,
  params: MessageParams,
  language: Language,
  link: { path: string | null; publicUrl: string | null },
): RenderedMessage {
  const t = messages().getFixedT(language, 'mail');
  const { items, context, count, ...rest } = params;
  const values = {
    ...localValues(rest, language),
    ...(count === undefined ? {} : { count }),
    ...(context ? { context } : {}),
  };
  if (!hasTemplate(kind)) throw new Error(`No message template for "${kind}"`);
  const subject = t(`${kind}/subject`, values);
  const intro = t(`${kind}/body`, { ...values, defaultValue: '' });
  const lines = (items ?? []).map((item) =>
    t(`${kind}/item`, {
      ...localValues(item, language),
      context: typeof item.context === 'string' ? item.context : undefined,
    }),
  );
  const body = [intro, ...lines.map((line) => `- ${line}`)].filter((part) => part !== '').join('\n');
  const url = link.path && link.publicUrl ? `${link.publicUrl}${link.path}` : null;
  const action = t(`${kind}/action`, values);
  const settingsUrl = link.publicUrl ? `${link.publicUrl}/partnership/settings` : null;
  const text = [
    body,
    url ? `${action}: ${url}` : '',
    settingsUrl ? `--\n${FOOTER[language]} ${settingsUrl}` : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  const bodyHtml =
    paragraphsHtml(intro) +
    (lines.length > 0 ? `\n<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : '');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${language === 'en' ? 'en' : 'nl-BE'}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    `<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
    bodyHtml,
    url
      ? `<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="background:#1c5fa8;color:#ffffff;` +
        `padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action)}</a></p>\n` +
        `<p style="font-size:13px;color:#555">${escapeHtml(url)}</p>`
      : '',
    settingsUrl
      ? `<hr><p style="font-size:12px;color:#555">${escapeHtml(FOOTER[language])} ` +
        `<a href="${escapeHtml(settingsUrl)}">${escapeHtml(settingsUrl)}</a></p>`
      : '',
    '</body></html>',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return { subject, body, text, html };
}
