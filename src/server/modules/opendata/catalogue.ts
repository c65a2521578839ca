import { sql } from 'kysely';
import type { StepContext } from '../../http/request-context';
import { cachedByRevision } from '../../db/revision-cache';
import { CATALOGUE_PATH, OPEN_DATA_LICENCE } from './linked-data';

/**
 * The DCAT-AP catalogue of the open data, as JSON-LD with its context inline (no remote context to
 * fetch). One dataset per public collection: the portfolio snapshot, the clusters with their member
 * counts, and the published calls. Decisions on proposals are not published as open data (they
 * concern named applicants), so the catalogue says so instead of listing them.
 */

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const EU = 'http://publications.europa.eu/resource/authority';
const DATA_THEME = `${EU}/data-theme`;
const FILE_TYPE = `${EU}/file-type`;
const IANA = 'https://www.iana.org/assignments/media-types';

export const DATASET_NAMES = ['portfolio', 'clusters', 'calls'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

type Json = Record<string, unknown>;

const ref = (uri: string) => ({ '@id': uri });
const texts = (nl: string, en: string) => [
  { '@value': nl, '@language': 'nl' },
  { '@value': en, '@language': 'en' },
];
const dateTime = (at: Date) => ({ '@value': at.toISOString(), '@type': 'xsd:dateTime' });
const keywords = (nl: string[], en: string[]) => [
  ...nl.map((k) => ({ '@value': k, '@language': 'nl' })),
  ...en.map((k) => ({ '@value': k, '@language': 'en' })),
];

interface DataDates {
  portfolioIssued: Date | null;
  portfolioModified: Date | null;
  callsIssued: Date | null;
  callsModified: Date | null;
}

const asDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as string | Date);
const latest = (...dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * When the data came to be and last changed, from the data itself: the clusters' creation and
 * update times, new memberships and the audit trail of clusters, memberships, organisations and
 * themes (ended memberships and new SME figures change counts without touching the cluster row);
 * for calls their publication and last update. The portfolio's dates read the memberships and
 * the audit trail, so they are cached per portfolio revision (every change of those raises it);
 * the calls' dates are read per request (a few hundred calls, no revision of their own).
 */
async function dataDates(ctx: StepContext): Promise<DataDates> {
  const [portfolio, { rows }] = await Promise.all([
    cachedByRevision(ctx.db, 'catalogue-dates', '', () => portfolioDates(ctx)),
    sql<Record<string, unknown>>`
      select
        (select min(published_at) from calls where status <> 'draft') as calls_published,
        (select max(updated_at) from calls where status <> 'draft') as calls_updated
    `.execute(ctx.db),
  ]);
  const row = rows[0] ?? {};
  return { ...portfolio, callsIssued: asDate(row.calls_published), callsModified: asDate(row.calls_updated) };
}

/** The audit trail is read per kind of object, newest first (index on entity_type, occurred_at). */
async function portfolioDates(ctx: StepContext) {
  const { rows } = await sql<Record<string, unknown>>`
    select
      (select min(created_at) from clusters) as clusters_created,
      (select max(updated_at) from clusters) as clusters_updated,
      (select max(created_at) from memberships) as memberships_created,
      (select max(last.occurred_at)
        from unnest(array['cluster', 'membership', 'organisation', 'theme']) as kind(entity_type)
        cross join lateral (select a.occurred_at from audit_events a where a.entity_type = kind.entity_type
          order by a.occurred_at desc limit 1) last) as portfolio_audited
  `.execute(ctx.db);
  const row = rows[0] ?? {};
  return {
    portfolioIssued: asDate(row.clusters_created),
    portfolioModified: latest(
      asDate(row.clusters_updated),
      asDate(row.memberships_created),
      asDate(row.portfolio_audited),
    ),
  };
}

interface DistributionSpec {
  key: string;
  titleNl: string;
  titleEn: string;
  accessPath: string;
  downloadPath?: string;
  format: 'JSON' | 'CSV';
}

interface DatasetSpec {
  name: DatasetName;
  identifier: string;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  themes: string[];
  keywordsNl: string[];
  keywordsEn: string[];
  landingPath: string;
  distributions: DistributionSpec[];
}

const MEDIA_TYPE = { JSON: 'application/json', CSV: 'text/csv' } as const;

const DATASETS: DatasetSpec[] = [
  {
    name: 'portfolio',
    identifier: 'speerpunt-portfolio',
    titleNl: 'Clusterportefeuille van het Vlaamse clusterbeleid',
    titleEn: 'Cluster portfolio of the Flemish cluster policy',
    descriptionNl:
      'Alle speerpuntclusters en innovatieve bedrijfsnetwerken met soort, status, mandaat, economische ' +
      'missie, transities en thema’s, ledenaantallen per helixcategorie en grootteklasse, en de ' +
      'themataxonomie. Geen personen, geen individuele organisaties.',
    descriptionEn:
      'Every spearhead cluster and innovative business network with kind, status, mandate, economic ' +
      'mission, transitions and themes, member counts by helix category and size class, and the theme ' +
      'taxonomy. No people, no individual organisations.',
    themes: ['ECON', 'TECH'],
    keywordsNl: ['clusterbeleid', 'speerpuntcluster', 'bedrijfsnetwerk', 'innovatie', 'kmo'],
    keywordsEn: ['cluster policy', 'spearhead cluster', 'business network', 'innovation', 'SME'],
    landingPath: '/public/portfolio',
    distributions: [
      {
        key: 'json',
        titleNl: 'Portefeuille als JSON',
        titleEn: 'Portfolio as JSON',
        accessPath: '/api/public/portfolio',
        downloadPath: '/api/public/portfolio.json',
        format: 'JSON',
      },
      {
        key: 'csv',
        titleNl: 'Portefeuille als CSV (één rij per cluster)',
        titleEn: 'Portfolio as CSV (one row per cluster)',
        accessPath: '/api/public/portfolio.csv',
        downloadPath: '/api/public/portfolio.csv',
        format: 'CSV',
      },
    ],
  },
  {
    name: 'clusters',
    identifier: 'speerpunt-clusters',
    titleNl: 'Clusters en hun ledenaantallen',
    titleEn: 'Clusters and their member counts',
    descriptionNl:
      'Eén record per cluster met een vaste URI: ledenaantallen per helixcategorie (bedrijven, ' +
      'kennisinstellingen, overheid, middenveld) en per grootteklasse van de bedrijven (micro, klein, ' +
      'middelgroot, groot), het kmo-aandeel, en de thema’s, NACE-sectoren als begrippen van de ' +
      'EU-vocabulaires. De JSON-API geeft pagina’s (page, pageSize).',
    descriptionEn:
      'One record per cluster with a stable URI: member counts by helix category (companies, knowledge ' +
      'institutions, government, civil society) and by company size class (micro, small, medium, large), ' +
      'the SME share, and the themes, NACE sectors as concepts of the EU vocabularies. The JSON API pages ' +
      '(page, pageSize).',
    themes: ['ECON', 'TECH'],
    keywordsNl: ['cluster', 'leden', 'helix', 'kmo', 'NACE'],
    keywordsEn: ['cluster', 'members', 'helix', 'SME', 'NACE'],
    landingPath: '/public/portfolio',
    distributions: [
      {
        key: 'json',
        titleNl: 'Clusters als JSON (per pagina)',
        titleEn: 'Clusters as JSON (paged)',
        accessPath: '/api/public/clusters',
        format: 'JSON',
      },
      {
        key: 'csv',
        titleNl: 'Clusters als CSV',
        titleEn: 'Clusters as CSV',
        accessPath: '/api/public/clusters.csv',
        downloadPath: '/api/public/clusters.csv',
        format: 'CSV',
      },
    ],
  },
  {
    name: 'calls',
    identifier: 'speerpunt-calls',
    titleNl: 'Oproepen van het clusterbeleid',
    titleEn: 'Calls of the cluster policy',
    descriptionNl:
      'De gepubliceerde oproepen (open, gesloten, in evaluatie, beslist) met een vaste URI: soort, status, ' +
      'titel, samenvatting, budget en het tijdstip van opening en sluiting (UTC). Beslissingen over ' +
      'individuele voorstellen worden niet als open data gepubliceerd.',
    descriptionEn:
      'The published calls (open, closed, in evaluation, decided) with a stable URI: kind, status, title, ' +
      'summary, budget envelope and the opening and closing instants (UTC). Decisions on individual ' +
      'proposals are not published as open data.',
    themes: ['ECON', 'GOVE'],
    keywordsNl: ['oproep', 'subsidie', 'clusterproject', 'innovatie'],
    keywordsEn: ['call for proposals', 'grant', 'cluster project', 'innovation'],
    landingPath: '/public/calls',
    distributions: [
      {
        key: 'json',
        titleNl: 'Oproepen als JSON (per pagina)',
        titleEn: 'Calls as JSON (paged)',
        accessPath: '/api/public/calls',
        format: 'JSON',
      },
      {
        key: 'csv',
        titleNl: 'Oproepen als CSV',
        titleEn: 'Calls as CSV',
        accessPath: '/api/public/calls.csv',
        downloadPath: '/api/public/calls.csv',
        format: 'CSV',
      },
    ],
  },
];

export function datasetUri(publicUrl: string, name: DatasetName): string {
  return `${publicUrl}/id/dataset/${name}`;
}

/** The catalogue as a JSON-LD document (DCAT-AP 3.0 classes and properties). */
export async function buildCatalogue(ctx: StepContext): Promise<Json> {
  const base = ctx.config.publicUrl;
  const publisher = ctx.config.openDataPublisher;
  const dates = await dataDates(ctx);
  // An installation without any data yet has no dates of its own: it reads as issued now.
  const now = ctx.now();
  const issuedOf = (name: DatasetName) =>
    (name === 'calls' ? dates.callsIssued : dates.portfolioIssued) ?? now;
  const modifiedOf = (name: DatasetName) =>
    (name === 'calls' ? dates.callsModified : dates.portfolioModified) ?? issuedOf(name);
  const licence = ref(OPEN_DATA_LICENCE.uri);
  const publisherRef = ref(publisher.uri);

  const datasets = DATASETS.map((d) => ({
    '@id': datasetUri(base, d.name),
    '@type': 'dcat:Dataset',
    'dct:identifier': d.identifier,
    'dct:title': texts(d.titleNl, d.titleEn),
    'dct:description': texts(d.descriptionNl, d.descriptionEn),
    'dct:publisher': publisherRef,
    'dct:license': licence,
    'dct:issued': dateTime(issuedOf(d.name)),
    'dct:modified': dateTime(modifiedOf(d.name)),
    'dct:language': [ref(`${EU}/language/NLD`), ref(`${EU}/language/ENG`)],
    'dct:accrualPeriodicity': ref(`${EU}/frequency/UPDATE_CONT`),
    'dcat:theme': d.themes.map((theme) => ref(`${DATA_THEME}/${theme}`)),
    'dcat:keyword': keywords(d.keywordsNl, d.keywordsEn),
    'dcat:landingPage': ref(`${base}${d.landingPath}`),
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': publisher.nameNl,
      'vcard:hasURL': publisherRef,
    },
    'dcat:distribution': d.distributions.map((x) => ({
      '@id': `${datasetUri(base, d.name)}/${x.key}`,
      '@type': 'dcat:Distribution',
      'dct:title': texts(x.titleNl, x.titleEn),
      'dcat:accessURL': ref(`${base}${x.accessPath}`),
      ...(x.downloadPath ? { 'dcat:downloadURL': ref(`${base}${x.downloadPath}`) } : {}),
      'dct:format': ref(`${FILE_TYPE}/${x.format}`),
      'dcat:mediaType': ref(`${IANA}/${MEDIA_TYPE[x.format]}`),
      'dct:license': licence,
      'dct:issued': dateTime(issuedOf(d.name)),
      'dct:modified': dateTime(modifiedOf(d.name)),
    })),
  }));

  const issued = new Date(Math.min(...DATASETS.map((d) => issuedOf(d.name).getTime())));
  const modified = new Date(Math.max(...DATASETS.map((d) => modifiedOf(d.name).getTime())));
  return {
    '@context': CONTEXT,
    '@id': `${base}${CATALOGUE_PATH}`,
    '@type': 'dcat:Catalog',
    'dct:title': texts('Open data van Speerpunt', 'Speerpunt open data'),
    'dct:description': texts(
      'De open data van het Vlaamse clusterbeleid: de clusterportefeuille, de clusters met hun ' +
        'ledenaantallen en de oproepen. Beslissingen over individuele voorstellen worden niet gepubliceerd.',
      'The open data of the Flemish cluster policy: the cluster portfolio, the clusters with their member ' +
        'counts and the calls. Decisions on individual proposals are not published.',
    ),
    'dct:publisher': {
      '@id': publisher.uri,
      '@type': 'foaf:Agent',
      'foaf:name': texts(publisher.nameNl, publisher.nameEn),
    },
    'dct:license': licence,
    'dct:issued': dateTime(issued),
    'dct:modified': dateTime(modified),
    'dct:language': [ref(`${EU}/language/NLD`), ref(`${EU}/language/ENG`)],
    'foaf:homepage': ref(`${base}/public`),
    'dcat:themeTaxonomy': ref(DATA_THEME),
    'dcat:dataset': datasets,
  };
}
