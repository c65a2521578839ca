/**
 * Identifiers of the open data: stable URIs under `PUBLIC_URL` for clusters, calls and datasets
 * (`<PUBLIC_URL>/id/<kind>/<uuid>`; the database id never changes, a short name or call code may),
 * the licence and the EU vocabularies the catalogue and the public JSON refer to.
 */

/**
 * The Flemish open-data licence (Modellicentie Gratis Hergebruik v1.0): the licence Flemish
 * government bodies publish under; it asks no more than attribution, like CC BY 4.0.
 */
export const OPEN_DATA_LICENCE = {
  uri: 'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0',
  name: 'Modellicentie Gratis Hergebruik Vlaanderen v1.0',
};

export type LinkedKind = 'cluster' | 'call';

/** `<PUBLIC_URL>/id/cluster/<id>`: the cluster itself; resolving it answers 303 to a description. */
export function resourceUri(publicUrl: string, kind: LinkedKind, id: string): string {
  return `${publicUrl}/id/${kind}/${id}`;
}

/** The public paths: open data, no login, CORS for any origin. */
export function isPublicPath(url: string): boolean {
  return url.startsWith('/api/public/') || url.startsWith('/id/');
}

/** The path of the DCAT-AP catalogue. */
export const CATALOGUE_PATH = '/api/public/catalogue.jsonld';

/**
 * A sector theme's NACE Rev. 2 concept in the EU vocabularies (`http://data.europa.eu/ux2/nace2/`):
 * sections by letter (`NACE-C` → `…/nace2/C`), divisions, groups and classes by their digits without
 * the dot (`NACE-62.01` → `…/nace2/6201`). Other themes (transitions, strategic themes, technology
 * domains) have no EU vocabulary concept: null. NACE-BEL's fifth digit is national, so not mapped.
 */
export function naceUri(themeKind: string, code: string): string | null {
  if (themeKind !== 'sector') return null;
  const match = /^NACE-([A-U]|\d{2}(?:\.\d{1,2})?)$/.exec(code);
  return match ? `http://data.europa.eu/ux2/nace2/${match[1].replace('.', '')}` : null;
}
