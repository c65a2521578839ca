import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../helpers/test-app';

/**
 * The open data as a re-user reads it: the DCAT-AP catalogue expanded by jsonld.js (the JSON-LD
 * processor of the W3C test suite) in safe mode, so a term its inline context does not define fails
 * the test instead of vanishing, and with a document loader that refuses the network; the stable
 * URIs of clusters and calls, resolved; paging with a maximum; CORS on public routes only.
 */

const PUBLIC_URL = 'https://data.speerpunt.example.be/platform';
const ORIGIN = 'https://elders.example.org';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

type Node = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };
type Value = { '@value'?: string; '@language'?: string; '@type'?: string; '@id'?: string };

/** A path of this app from an absolute URI under PUBLIC_URL. */
function local(uri: string): string {
  expect(uri.startsWith(`${PUBLIC_URL}/`), uri).toBe(true);
  return uri.slice(PUBLIC_URL.length);
}

const values = (node: Node, property: string): Value[] => (node[property] ?? []) as Value[];
const one = (node: Node, property: string): Value => {
  const found = values(node, property);
  expect(found.length, `${node['@id']} ${property}`).toBeGreaterThanOrEqual(1);
  return found[0];
};

/** A property that must be there in Dutch and in English. */
function expectBilingual(node: Node, property: string) {
  const texts = values(node, property);
  const languages = texts.map((t) => t['@language']).sort();
  expect(languages, `${node['@id']} ${property}`).toEqual(['en', 'nl']);
  for (const text of texts) expect(text['@value']?.length, `${node['@id']} ${property}`).toBeGreaterThan(3);
}

function expectDateTime(node: Node, property: string): Date {
  const value = one(node, property);
  expect(value['@type'], `${node['@id']} ${property}`).toBe(XSD_DATETIME);
  const at = new Date(value['@value'] ?? '');
  expect(Number.isNaN(at.getTime()), `${node['@id']} ${property} ${value['@value']}`).toBe(false);
  return at;
}

async function expandedCatalogue(client: TestClient) {
  const response = await client.get('/api/public/catalogue.jsonld');
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toContain('application/ld+json');
  const refused: string[] = [];
  const expanded = (await jsonld.expand(JSON.parse(response.body), {
    // No network: the context is inline, so nothing may be fetched.
    documentLoader: (url: string) => {
      refused.push(url);
      throw new Error(`no network in tests: ${url}`);
    },
    safe: true,
  } as jsonld.Options.Expand)) as Node[];
  expect(refused).toEqual([]);
  const catalogue = expanded.find((n) => n['@type']?.includes(`${DCAT}Catalog`));
  expect(catalogue).toBeDefined();
  const datasets = values(catalogue!, `${DCAT}dataset`) as unknown as Node[];
  return { catalogue: catalogue!, datasets, response };
}

describe('open data (jsonld.js, URIs, paging, CORS)', () => {
  let t: TestApp;
  let officer: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ config: { publicUrl: PUBLIC_URL } });
    officer = await t.loginAs('officer');
  });
  afterAll(() => t?.close());

  it('the catalogue expands with its inline context and has the DCAT-AP properties', async () => {
    const { catalogue, datasets } = await expandedCatalogue(t.anonymous);
    expectBilingual(catalogue, `${DCT}title`);
    expectBilingual(catalogue, `${DCT}description`);
    const publisher = one(catalogue, `${DCT}publisher`) as unknown as Node;
    expect(publisher['@id']).toBe('https://www.vlaio.be');
    expect(publisher['@type']).toEqual([`${FOAF}Agent`]);
    expectBilingual(publisher, `${FOAF}name`);
    expect(one(catalogue, `${DCT}license`)['@id']).toBe(
      'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0',
    );
    const issued = expectDateTime(catalogue, `${DCT}issued`);
    const modified = expectDateTime(catalogue, `${DCT}modified`);
    expect(modified.getTime()).toBeGreaterThanOrEqual(issued.getTime());

    expect(datasets.map((d) => d['@id'])).toEqual(
      ['portfolio', 'clusters', 'calls'].map((name) => `${PUBLIC_URL}/id/dataset/${name}`),
    );
    for (const dataset of datasets) {
      const id = dataset['@id'];
      expect(dataset['@type'], id).toEqual([`${DCAT}Dataset`]);
      expectBilingual(dataset, `${DCT}title`);
      expectBilingual(dataset, `${DCT}description`);
      expect(one(dataset, `${DCT}publisher`)['@id'], id).toBe('https://www.vlaio.be');
      expect(one(dataset, `${DCT}license`)['@id'], id).toMatch(
        /^https:\/\/data\.vlaanderen\.be\/id\/licentie\//,
      );
      const dsIssued = expectDateTime(dataset, `${DCT}issued`);
      expect(expectDateTime(dataset, `${DCT}modified`).getTime()).toBeGreaterThanOrEqual(dsIssued.getTime());
      const themes = values(dataset, `${DCAT}theme`).map((v) => v['@id']);
      expect(themes, id).toContain('http://publications.europa.eu/resource/authority/data-theme/ECON');
      expect(values(dataset, `${DCAT}keyword`).length, id).toBeGreaterThan(2);
      const distributions = values(dataset, `${DCAT}distribution`) as unknown as Node[];
      const formats = distributions.map((x) => one(x, `${DCT}format`)['@id']).sort();
      expect(formats, id).toEqual([
        'http://publications.europa.eu/resource/authority/file-type/CSV',
        'http://publications.europa.eu/resource/authority/file-type/JSON',
      ]);
      for (const distribution of distributions) {
        expect(distribution['@type']).toEqual([`${DCAT}Distribution`]);
        expect(one(distribution, `${DCAT}accessURL`)['@id']).toMatch(/^https:\/\//);
        expect(one(distribution, `${DCAT}mediaType`)['@id']).toMatch(
          /^https:\/\/www\.iana\.org\/assignments\/media-types\/(application\/json|text\/csv)$/,
        );
        expect(one(distribution, `${DCT}license`)['@id']).toBeTruthy();
      }
    }
  });

  it('every access and download URL of the catalogue answers with its media type', async () => {
    const { datasets } = await expandedCatalogue(t.anonymous);
    const distributions = datasets.flatMap((d) => values(d, `${DCAT}distribution`) as unknown as Node[]);
    expect(distributions.length).toBe(6);
    for (const distribution of distributions) {
      const mediaType = one(distribution, `${DCAT}mediaType`)['@id']!.replace(/^.*media-types\//, '');
      const urls = [
        one(distribution, `${DCAT}accessURL`)['@id']!,
        ...values(distribution, `${DCAT}downloadURL`).map((v) => v['@id']!),
      ];
      for (const url of urls) {
        const response = await t.anonymous.get(local(url));
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type'], url).toContain(mediaType);
        expect(response.headers['access-control-allow-origin'], url).toBe('*');
      }
    }
  });

  it('dates come from the data: a change to a cluster moves the portfolio, not the calls', async () => {
    const before = await expandedCatalogue(t.anonymous);
    const modifiedOf = (datasets: Node[], name: string) =>
      expectDateTime(
        datasets.find((d) => d['@id']?.endsWith(`/dataset/${name}`))!,
        `${DCT}modified`,
      );
    const cluster = await t.database.db
      .selectFrom('clusters')
      .select(['id', 'name'])
      .executeTakeFirstOrThrow();
    const changed = await officer.patch(`/api/clusters/${cluster.id}`, { name: `${cluster.name} ` });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await expandedCatalogue(t.anonymous);
    const row = await t.database.db
      .selectFrom('clusters')
      .select('updated_at')
      .where('id', '=', cluster.id)
      .executeTakeFirstOrThrow();
    expect(modifiedOf(after.datasets, 'portfolio').getTime()).toBeGreaterThanOrEqual(
      new Date(row.updated_at).getTime(),
    );
    expect(modifiedOf(after.datasets, 'calls').getTime()).toBe(
      modifiedOf(before.datasets, 'calls').getTime(),
    );
  });

  it('clusters and calls carry stable URIs that resolve', async () => {
    const clusterUris = async () =>
      ((await t.anonymous.get('/api/public/clusters?pageSize=500')).json().data as { uri: string }[]).map(
        (c) => c.uri,
      );
    const first = await clusterUris();
    expect(first.length).toBeGreaterThan(5);
    expect(await clusterUris()).toEqual(first);
    for (const uri of first) expect(uri).toMatch(new RegExp(`^${PUBLIC_URL}/id/cluster/${UUID}$`));

    const calls = (await t.anonymous.get('/api/public/calls?pageSize=500')).json().data as { uri: string }[];
    const callsAgain = (await t.anonymous.get('/api/public/calls?pageSize=500')).json().data as {
      uri: string;
    }[];
    expect(calls.length).toBeGreaterThan(0);
    expect(callsAgain.map((c) => c.uri)).toEqual(calls.map((c) => c.uri));
    // The signed-in list names each call by the same URI.
    const officer = await t.loginAs('officer');
    const signedIn = (await officer.get('/api/calls?pageSize=500')).json().data as { uri: string }[];
    expect(signedIn.map((c) => c.uri)).toEqual(expect.arrayContaining(calls.map((c) => c.uri)));

    for (const uri of [first[0], calls[0].uri]) {
      const resolved = await t.anonymous.get(local(uri));
      expect(resolved.statusCode, uri).toBe(303);
      expect(resolved.headers['access-control-allow-origin']).toBe('*');
      const described = await t.anonymous.get(local(String(resolved.headers.location)));
      expect(described.statusCode, String(resolved.headers.location)).toBe(200);
      expect(described.json().data.uri).toBe(uri);
      const page = await t.anonymous.request('GET', local(uri), undefined, { accept: 'text/html' });
      expect(page.statusCode).toBe(303);
      expect(String(page.headers.location)).toMatch(new RegExp(`^${PUBLIC_URL}/public/`));
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.anonymous.get(`/id/cluster/${unknown}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/id/call/${unknown}`)).statusCode).toBe(404);
    // A draft is as unknown to its URI as to its open data (one rule: findPublicCallRow).
    const call = await t.database.db
      .selectFrom('calls')
      .select(['id', 'status'])
      .where('id', '=', local(calls[0].uri).split('/').at(-1)!)
      .executeTakeFirstOrThrow();
    await t.database.db.updateTable('calls').set({ status: 'draft' }).where('id', '=', call.id).execute();
    try {
      expect((await t.anonymous.get(`/id/call/${call.id}`)).statusCode).toBe(404);
      expect((await t.anonymous.get(`/api/public/calls/${call.id}`)).statusCode).toBe(404);
    } finally {
      await t.database.db
        .updateTable('calls')
        .set({ status: call.status })
        .where('id', '=', call.id)
        .execute();
    }
    const dataset = await t.anonymous.get('/id/dataset/clusters');
    expect(dataset.headers.location).toBe(`${PUBLIC_URL}/api/public/catalogue.jsonld`);
  });

  it('names NACE sectors by their EU vocabulary URI, other themes without one', async () => {
    const portfolio = (await t.anonymous.get('/api/public/portfolio')).json().data;
    expect(portfolio.licenceUri).toMatch(/^https:\/\/data\.vlaanderen\.be\//);
    expect(portfolio.catalogue).toBe(`${PUBLIC_URL}/api/public/catalogue.jsonld`);
    const themes = portfolio.themes as { kind: string; code: string; uri: string | null }[];
    expect(themes.find((th) => th.code === 'NACE-C')?.uri).toBe('http://data.europa.eu/ux2/nace2/C');
    expect(themes.filter((th) => th.kind === 'sector' && th.uri === null).map((th) => th.code)).toEqual([]);
    expect(themes.filter((th) => th.kind !== 'sector' && th.uri !== null)).toEqual([]);
    const clusters = (await t.anonymous.get('/api/public/clusters?pageSize=500')).json().data as {
      themes: { code: string; uri: string | null }[];
    }[];
    expect(
      clusters.flatMap((c) => c.themes).some((th) => th.uri?.startsWith('http://data.europa.eu/ux2/nace2/')),
    ).toBe(true);
    const csv = (await t.anonymous.get('/api/public/clusters.csv')).body;
    expect(csv.split('\r\n')[0]).toMatch(/^uri,short_name,.*,nace_uris$/);
    expect(csv).toContain('http://data.europa.eu/ux2/nace2/');
  });

  it('pages the public lists with a maximum page size', async () => {
    for (const path of ['/api/public/clusters', '/api/public/calls']) {
      const refused = await t.anonymous.get(`${path}?pageSize=501`);
      expect(refused.statusCode, path).toBe(400);
      expect(refused.json().details.map((d: { path: string }) => d.path)).toContain('querystring.pageSize');
      const all = (await t.anonymous.get(`${path}?pageSize=500`)).json();
      const first = (await t.anonymous.get(`${path}?pageSize=1&page=1`)).json();
      expect(first.data.length, path).toBe(1);
      expect(first.page).toEqual({ page: 1, pageSize: 1, total: all.page.total });
      if (all.page.total > 1) {
        const second = (await t.anonymous.get(`${path}?pageSize=1&page=2`)).json();
        expect(second.data[0].uri).toBe(all.data[1].uri);
      }
    }
  });

  it('sends CORS headers on public routes (preflight too) and none on authenticated routes', async () => {
    for (const url of ['/api/public/calls', '/api/public/portfolio.csv', '/api/public/catalogue.jsonld']) {
      const response = await t.anonymous.request('GET', url, undefined, { origin: ORIGIN });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['access-control-allow-origin'], url).toBe('*');
      expect(response.headers['access-control-allow-credentials'], url).toBeUndefined();
      expect(String(response.headers.link), url).toContain('rel="license"');
    }
    const preflight = await t.anonymous.request('OPTIONS', '/api/public/clusters', undefined, {
      origin: ORIGIN,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'accept',
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('GET');

    const privateAnswer = await officer.request('GET', '/api/clusters', undefined, { origin: ORIGIN });
    expect(privateAnswer.statusCode).toBe(200);
    expect(privateAnswer.headers['access-control-allow-origin']).toBeUndefined();
    const anonymousPrivate = await t.anonymous.request('GET', '/api/users', undefined, { origin: ORIGIN });
    expect(anonymousPrivate.statusCode).toBe(401);
    expect(anonymousPrivate.headers['access-control-allow-origin']).toBeUndefined();
    const privatePreflight = await t.anonymous.request('OPTIONS', '/api/clusters', undefined, {
      origin: ORIGIN,
      'access-control-request-method': 'GET',
    });
    expect(privatePreflight.statusCode).toBe(404);
    expect(privatePreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(privatePreflight.headers['access-control-allow-methods']).toBeUndefined();
  });
});
