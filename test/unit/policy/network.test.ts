import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  componentsOf,
  networkFromGraph,
  type EdgeAttributes,
  type NodeAttributes,
} from '../../../src/server/modules/policy/network';
import {
  MAX_DRAWN_EDGES,
  MAX_DRAWN_NODES,
  presentNetwork,
} from '../../../src/server/modules/policy/network.presenter';
import { isFlemishPostcode, sectionOfDivision } from '../../../src/server/modules/policy/nace';
import { jaccard } from '../../../src/server/modules/policy/overlap';

function graphOf(edges: [string, string][]) {
  const graph = new Graph({ type: 'undirected' });
  for (const [a, b] of edges) graph.mergeEdge(a, b);
  return graph;
}

describe('network measures', () => {
  it('gives the middle of a path all the betweenness (normalised)', () => {
    const { scores } = betweenness(
      graphOf([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    );
    expect(scores.get('b')).toBe(1);
    expect(scores.get('a')).toBe(0);
  });

  it('scores the hub of a star 1 and a bridge between two triangles by the pairs it joins', () => {
    expect(
      betweenness(
        graphOf([
          ['h', 'x'],
          ['h', 'y'],
          ['h', 'z'],
        ]),
      ).scores.get('h'),
    ).toBe(1);
    // Two triangles a-b-c and d-e-f joined by c-d: c lies on the 2 × 3 shortest paths between {a, b} and
    // {d, e, f}: 6 of 10 pairs.
    const { scores } = betweenness(
      graphOf([
        ['a', 'b'],
        ['b', 'c'],
        ['a', 'c'],
        ['d', 'e'],
        ['e', 'f'],
        ['d', 'f'],
        ['c', 'd'],
      ]),
    );
    expect(scores.get('c')).toBeCloseTo(0.6, 10);
    expect(scores.get('a')).toBe(0);
  });

  it('finds connected components, largest first', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['x', 'y'],
    ]);
    graph.addNode('lonely');
    expect(componentsOf(graph).map((c) => c.length)).toEqual([3, 2, 1]);
  });
});

describe('register rules', () => {
  it('decides the Flemish Region from the postcode', () => {
    expect(isFlemishPostcode('1500')).toBe(true);
    expect(isFlemishPostcode('3999')).toBe(true);
    expect(isFlemishPostcode('9000')).toBe(true);
    expect(isFlemishPostcode('1000')).toBe(false); // Brussels
    expect(isFlemishPostcode('1300')).toBe(false); // Walloon Brabant
    expect(isFlemishPostcode('4000')).toBe(false); // Liège
    expect(isFlemishPostcode(null)).toBe(false);
  });

  it('maps NACE divisions to sections', () => {
    expect(sectionOfDivision(1)).toBe('A');
    expect(sectionOfDivision(20)).toBe('C');
    expect(sectionOfDivision(62)).toBe('J');
    expect(sectionOfDivision(4)).toBeNull();
  });

  it('computes the Jaccard similarity', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c'])).value).toBeCloseTo(1 / 3, 10);
    expect(jaccard(new Set(), new Set()).value).toBe(0);
  });
});

describe('a network of a few thousand organisations', () => {
  it('measures and draws a part of 3 000 organisations with eight large clusters within seconds', () => {
    let state = 5;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
    for (let i = 0; i < 3000; i++)
      graph.addNode(`o${i}`, { name: `Org ${i}`, helix: 'company', sizeClass: 'small', clusters: [] });
    for (let c = 0; c < 8; c++) {
      const members = Array.from({ length: 250 }, () => `o${Math.floor(random() * 2900)}`);
      const unique = [...new Set(members)];
      for (let i = 0; i < unique.length; i++)
        for (let j = i + 1; j < unique.length; j++) {
          const edge = graph.edge(unique[i], unique[j]);
          if (edge) graph.updateEdgeAttribute(edge, 'clusters', (x) => (x ?? 0) + 1);
          else graph.addEdge(unique[i], unique[j], { projects: 0, clusters: 1 });
        }
    }
    for (let p = 0; p < 2000; p++) {
      const a = `o${Math.floor(random() * 3000)}`;
      const b = `o${Math.floor(random() * 3000)}`;
      if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { projects: 1, clusters: 0 });
    }
    const started = Date.now();
    const view = presentNetwork(networkFromGraph(graph));
    const seconds = (Date.now() - started) / 1000;
    expect(view.betweennessIsApproximate).toBe(true);
    expect(view.drawing.note).toBe('largest_component_bridging');
    expect(view.drawing.shownNodes).toBe(MAX_DRAWN_NODES);
    expect(view.drawing.edges.length).toBeLessThanOrEqual(MAX_DRAWN_EDGES);
    expect(view.figures.organisations).toBe(3000);
    process.stdout.write(
      `network of ${graph.order} nodes, ${graph.size} edges measured in ${seconds.toFixed(1)} s\n`,
    );
  });
});

describe('the drawing of a dense network', () => {
  it('draws at most MAX_DRAWN_EDGES links, the strongest, and counts the ones left out', () => {
    const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
    for (let i = 0; i < 100; i++)
      graph.addNode(`o${i}`, { name: `Org ${i}`, helix: 'company', sizeClass: 'small', clusters: ['C'] });
    for (let i = 0; i < 100; i++)
      for (let j = i + 1; j < 100; j++)
        graph.addEdge(`o${i}`, `o${j}`, { projects: (i + j) % 7 === 0 ? 2 : 0, clusters: 1 });
    const view = presentNetwork(networkFromGraph(graph));
    expect(view.drawing.note).toBe('complete');
    expect(view.drawing.edges).toHaveLength(MAX_DRAWN_EDGES);
    expect(view.drawing.droppedEdges).toBe(4950 - MAX_DRAWN_EDGES);
    const withProjects = view.drawing.edges.filter((e) => e.projects > 0).length;
    expect(withProjects).toBe(graph.filterEdges((_e, a) => a.projects > 0).length);
    expect(view.figures).toMatchObject({
      organisations: 100,
      links: 4950,
      membershipLinks: 4950,
      crossCluster: 0,
    });
  });
});
