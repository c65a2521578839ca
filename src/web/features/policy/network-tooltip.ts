import { escapeHtml } from '../../shared/escape-html';

/** The network chart's tooltip (ECharts renders it as HTML): organisation and cluster names are escaped. */
export function networkTooltip(p: {
  dataType: string;
  data: { name?: string; clusters?: string[] };
}): string {
  if (p.dataType !== 'node') return '';
  return `${escapeHtml(p.data.name ?? '')}<br/>${escapeHtml((p.data.clusters ?? []).join(', '))}`;
}
