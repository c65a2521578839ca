export default {
  nl: {
    nav: {
      gaps: 'Dekking en hiaten',
      overlap: 'Overlap clusters',
      network: 'Samenwerkingsnetwerk',
      scenarios: 'Beleidsscenario’s',
    },
    gapsTitle: 'Dekking van thema’s en hiaten',
    gapsIntro:
      'Thema’s en transities × clusters: sterkte per cel uit koppeling, leden, projecten en ' +
      'budget. De zwakst gedekte thema’s en sectoren staan bovenaan.',
    strengthFormula:
      'Sterkte per cel = ¼ × (gekoppeld ja/nee + leden/max + projecten/max + budget/max), telkens ' +
      'gedeeld door de grootste waarde van alle cellen. Dekking van een thema = som over de ' +
      'clusters.',
    weakestThemes: 'Zwakst gedekte thema’s',
    weakestSectors: 'Sectoren met het laagste aandeel clusterleden',
    heatmap: 'Heatmap thema’s × clusters',
    theme: 'Thema',
    kind: 'Soort',
    kinds: {
      strategic_theme: 'Strategisch thema',
      technology_domain: 'Technologiedomein',
      transition: 'Transitie',
    },
    coverage: 'Dekking',
    clustersLinked: 'Clusters gekoppeld',
    projects: 'Projecten',
    proposals: 'Voorstellen',
    uncovered: 'Niet gedekt',
    candidate: 'Kandidaat uit oproep',
    noProposals: 'Nog geen voorstellen uit oproepen met thema’s.',
    footprintTitle: 'Economische voetafdruk (ondernemingsregister)',
    footprintIntro:
      'Actieve ondernemingen met maatschappelijke zetel in het Vlaamse Gewest (postcodes ' +
      '1500–3999 en 8000–9999; Brussel en Wallonië niet meegeteld), per NACE-sector ' +
      '(hoofdactiviteit), en hoeveel daarvan lid zijn van een cluster.',
    level: 'Niveau',
    levels: { section: 'Sectie', division: 'Afdeling', group: 'Groep' },
    sector: 'Sector',
    code: 'Code',
    enterprises: 'Ondernemingen in Vlaanderen',
    members: 'Clusterleden',
    share: 'Aandeel leden',
    registerSummary:
      '{{flemish}} ondernemingen in Vlaanderen, {{outside}} buiten Vlaanderen, {{without}} zonder ' +
      'adres (niet meegeteld).',
    notes: {
      register_empty:
        'Het ondernemingsregister is leeg. Laad de KBO-gegevens (of genereer een ' +
        'voorbeeldregister met `speerpunt policy generate-register`).',
      register_without_addresses:
        'Het ondernemingsregister bevat geen adressen: het Vlaamse Gewest kan niet bepaald ' +
        'worden. Laad ook het adressenbestand van de KBO.',
      no_activities: 'Geen hoofdactiviteiten in deze NACE-versie gevonden.',
    },
    overlapTitle: 'Overlap tussen clusters',
    overlapIntro:
      'Gedeelde leden en gedeelde thema’s per paar clusters. Gelijkenis = gemiddelde van de ' +
      'Jaccard-index op leden (gedeeld / samen) en op thema’s.',
    closest: 'Meest verwante paar: {{a}} en {{b}} (gelijkenis {{similarity}}).',
    closestWhy:
      'Waarom: {{members}} gedeelde leden (Jaccard {{memberSimilarity}}), {{themes}} gedeelde ' +
      'thema’s (Jaccard {{themeSimilarity}}): {{themeList}}; {{projects}} gezamenlijke projecten.',
    pair: 'Paar',
    sharedMembers: 'Gedeelde leden',
    memberSimilarity: 'Jaccard leden',
    sharedThemes: 'Gedeelde thema’s',
    themeSimilarity: 'Jaccard thema’s',
    similarity: 'Gelijkenis',
    sharedProjects: 'Gezamenlijke projecten',
    similarityHeatmap: 'Heatmap gelijkenis tussen clusters',
    heatmapOverlapNote: 'De clusters van de meest verwante paren (hoogstens 30).',
    pairsListed:
      '{{listed}} paren gerangschikt van {{total}} paren in totaal (bij veel clusters enkel de meest verwante).',
    strongestClusters: 'Sterkste clusters',
    heatmapColumns:
      'Clusters met het grootste aandeel in de thema’s eerst; blader voor de volgende clusters.',
    networkTitle: 'Samenwerkingsnetwerk',
    networkIntro:
      'Organisaties verbonden door gedeelde projecten (samenwerkingen) en lidmaatschap van ' +
      'dezelfde cluster. Kleur = helix, grootte = grootteklasse.',
    figures: 'Kerncijfers',
    figure: 'Kengetal',
    value: 'Waarde',
    figureNames: {
      organisations: 'Organisaties',
      links: 'Verbindingen (project of cluster)',
      collaborations: 'Samenwerkingen (gedeeld project)',
      membershipLinks: 'Verbindingen via dezelfde cluster',
      crossHelix: 'Samenwerkingen over helixgrenzen',
      crossCluster: 'Samenwerkingen zonder gemeenschappelijke cluster',
      withSme: 'Samenwerkingen met een kmo',
      components: 'Samenhangende delen',
      largestComponent: 'Grootste samenhangende deel',
    },
    drawingNotes: {
      complete: 'Het volledige netwerk is getekend ({{shown}} organisaties).',
      largest_component:
        'Het netwerk is te groot om te tekenen: enkel het grootste samenhangende deel ({{shown}} ' +
        'van {{total}} organisaties).',
      largest_component_bridging:
        'Het netwerk is te groot om te tekenen: van het grootste samenhangende deel de {{shown}} ' +
        'organisaties die het meest verbinden (hoogste betweenness), van {{total}}.',
      droppedEdges: 'De {{links}} zwakste verbindingen tussen hen zijn weggelaten.',
    },
    bridging: 'Brugorganisaties (betweenness)',
    approximate: 'Betweenness benaderd met steekproefbronnen (groot netwerk).',
    organisation: 'Organisatie',
    helix: 'Helix',
    helixNames: {
      company: 'Bedrijf',
      knowledge_institution: 'Kennisinstelling',
      government: 'Overheid',
      civil_society: 'Middenveld',
    },
    sizeClass: 'Grootteklasse',
    sizeNames: { micro: 'Micro', small: 'Klein', medium: 'Middelgroot', large: 'Groot', unknown: 'Onbekend' },
    clusters: 'Clusters',
    betweenness: 'Betweenness',
    collaborations: 'Samenwerkingen',
    helixHeatmap: 'Samenwerkingen per paar helixcategorieën',
    graph: 'Netwerkgrafiek',
    scenariosTitle: 'Vergelijking van beleidsscenario’s',
    scenariosIntro:
      'Scenario’s gescoord door belanghebbenden (1–5, hoger is beter; voor kost: 5 = goedkoopst). ' +
      'Totaal = gewogen som van de mediaan per criterium.',
    pdf: 'Samenvatting (PDF)',
    ranking: 'Rangschikking',
    rank: 'Rang',
    scenario: 'Scenario',
    total: 'Totaal',
    medianOfTotals: 'Mediaan van de totalen per belanghebbende',
    stakeholders: 'Belanghebbenden',
    status: 'Status',
    statuses: {
      complete: 'Volledig gescoord',
      incomplete: 'Onvolledig gescoord',
      no_scores: 'Nog geen scores',
    },
    placeholder: 'Plaatshouder',
    preferred: 'Voorkeursrichting VARIO',
    tied: 'gelijkspel',
    weightNotes: {
      normalised: 'De gewichten sommeren tot {{sum}} en niet tot 1: ze zijn genormaliseerd.',
      all_zero_equalised: 'Alle gewichten zijn 0: elk criterium telt even zwaar.',
    },
    criteria: 'Criteria en gewichten',
    criterion: 'Criterium',
    enteredWeight: 'Ingevoerd gewicht',
    normalisedWeight: 'Genormaliseerd',
    saveWeights: 'Gewichten opslaan',
    sensitivity: 'Gevoeligheid',
    sensitivityIntro:
      'Hoe ver moet het gewicht van elk criterium bewegen (de andere schuiven evenredig mee) voor ' +
      'een ander scenario bovenaan komt? Exact berekend.',
    sensitivityNotes: {
      too_few_ranked: 'Minstens twee volledig gescoorde scenario’s nodig voor een gevoeligheidsanalyse.',
      single_criterion: 'Met één criterium is er geen gevoeligheid.',
    },
    currentWeight: 'Huidig gewicht',
    up: 'Omhoog: wissel voorbij',
    down: 'Omlaag: wissel onder',
    newTop: 'Nieuwe koploper',
    noChange: 'geen wissel',
    sensitivityChart: 'Marge per criterium tot de koploper wisselt (procentpunten)',
    comments: 'Scores en commentaar',
    commentsOnly: 'Hieronder de scores met commentaar; alle {{count}} scores staan in de export.',
    stakeholder: 'Belanghebbende',
    score: 'Score',
    comment: 'Commentaar',
    myScores: 'Mijn scores',
    scoreFor: 'Scores ingeven voor',
    asMyself: 'mezelf',
    saveScores: 'Scores opslaan',
    newStakeholder: 'Nieuwe belanghebbende organisatie',
    name: 'Naam',
    description: 'Omschrijving',
    editScenario: 'Scenario bewerken',
    saved: 'Opgeslagen.',
    none: '–',
  },
  en: {
    nav: {
      gaps: 'Coverage and gaps',
      overlap: 'Cluster overlap',
      network: 'Collaboration network',
      scenarios: 'Policy scenarios',
    },
    gapsTitle: 'Theme coverage and gaps',
    gapsIntro:
      'Themes and transitions × clusters: strength per cell from link, members, projects and ' +
      'budget. The weakest covered themes and sectors come first.',
    strengthFormula:
      'Cell strength = ¼ × (linked yes/no + members/max + projects/max + budget/max), each ' +
      'divided by the largest value of any cell. A theme’s coverage = sum over clusters.',
    weakestThemes: 'Weakest covered themes',
    weakestSectors: 'Sectors with the lowest share of cluster members',
    heatmap: 'Heatmap themes × clusters',
    theme: 'Theme',
    kind: 'Kind',
    kinds: {
      strategic_theme: 'Strategic theme',
      technology_domain: 'Technology domain',
      transition: 'Transition',
    },
    coverage: 'Coverage',
    clustersLinked: 'Clusters linked',
    projects: 'Projects',
    proposals: 'Proposals',
    uncovered: 'Not covered',
    candidate: 'Candidate from a call',
    noProposals: 'No call proposals with themes yet.',
    footprintTitle: 'Economic footprint (enterprise register)',
    footprintIntro:
      'Active enterprises with their registered office in the Flemish Region (postcodes 1500–3999 ' +
      'and 8000–9999; Brussels and Wallonia not counted), per NACE sector (main activity), and how ' +
      'many are cluster members.',
    level: 'Level',
    levels: { section: 'Section', division: 'Division', group: 'Group' },
    sector: 'Sector',
    code: 'Code',
    enterprises: 'Enterprises in Flanders',
    members: 'Cluster members',
    share: 'Member share',
    registerSummary:
      '{{flemish}} enterprises in Flanders, {{outside}} outside Flanders, {{without}} without an ' +
      'address (not counted).',
    notes: {
      register_empty:
        'The enterprise register is empty. Load the KBO data (or generate an example register ' +
        'with `speerpunt policy generate-register`).',
      register_without_addresses:
        'The enterprise register has no addresses: the Flemish Region cannot be decided. Load the ' +
        'KBO address file too.',
      no_activities: 'No main activities found in this NACE version.',
    },
    overlapTitle: 'Overlap between clusters',
    overlapIntro:
      'Shared members and shared themes per pair of clusters. Similarity = mean of the Jaccard ' +
      'index on members (shared / together) and on themes.',
    closest: 'Closest pair: {{a}} and {{b}} (similarity {{similarity}}).',
    closestWhy:
      'Why: {{members}} shared members (Jaccard {{memberSimilarity}}), {{themes}} shared themes ' +
      '(Jaccard {{themeSimilarity}}): {{themeList}}; {{projects}} joint projects.',
    pair: 'Pair',
    sharedMembers: 'Shared members',
    memberSimilarity: 'Jaccard members',
    sharedThemes: 'Shared themes',
    themeSimilarity: 'Jaccard themes',
    similarity: 'Similarity',
    sharedProjects: 'Joint projects',
    similarityHeatmap: 'Heatmap of similarity between clusters',
    heatmapOverlapNote: 'The clusters of the most similar pairs (at most 30).',
    pairsListed:
      '{{listed}} pairs ranked of {{total}} pairs in all (with many clusters only the most similar).',
    strongestClusters: 'Strongest clusters',
    heatmapColumns: 'Clusters carrying most of the themes first; page on for the next clusters.',
    networkTitle: 'Collaboration network',
    networkIntro:
      'Organisations linked by shared projects (collaborations) and membership of the same ' +
      'cluster. Colour = helix, size = size class.',
    figures: 'Key figures',
    figure: 'Figure',
    value: 'Value',
    figureNames: {
      organisations: 'Organisations',
      links: 'Links (project or cluster)',
      collaborations: 'Collaborations (shared project)',
      membershipLinks: 'Links through the same cluster',
      crossHelix: 'Collaborations across helix categories',
      crossCluster: 'Collaborations without a common cluster',
      withSme: 'Collaborations with an SME',
      components: 'Connected parts',
      largestComponent: 'Largest connected part',
    },
    drawingNotes: {
      complete: 'The whole network is drawn ({{shown}} organisations).',
      largest_component:
        'The network is too large to draw: only the largest connected part ({{shown}} of {{total}} organisations).',
      largest_component_bridging:
        'The network is too large to draw: the {{shown}} most bridging organisations (highest ' +
        'betweenness) of the largest connected part, of {{total}}.',
      droppedEdges: 'The {{links}} weakest links between them are left out.',
    },
    bridging: 'Bridging organisations (betweenness)',
    approximate: 'Betweenness approximated from sampled sources (large network).',
    organisation: 'Organisation',
    helix: 'Helix',
    helixNames: {
      company: 'Company',
      knowledge_institution: 'Knowledge institution',
      government: 'Government',
      civil_society: 'Civil society',
    },
    sizeClass: 'Size class',
    sizeNames: { micro: 'Micro', small: 'Small', medium: 'Medium', large: 'Large', unknown: 'Unknown' },
    clusters: 'Clusters',
    betweenness: 'Betweenness',
    collaborations: 'Collaborations',
    helixHeatmap: 'Collaborations per pair of helix categories',
    graph: 'Network graph',
    scenariosTitle: 'Comparison of policy scenarios',
    scenariosIntro:
      'Scenarios scored by stakeholders (1–5, higher is better; for cost: 5 = cheapest). Total = ' +
      'weighted sum of the median per criterion.',
    pdf: 'Summary (PDF)',
    ranking: 'Ranking',
    rank: 'Rank',
    scenario: 'Scenario',
    total: 'Total',
    medianOfTotals: 'Median of the stakeholders’ totals',
    stakeholders: 'Stakeholders',
    status: 'Status',
    statuses: { complete: 'Fully scored', incomplete: 'Partly scored', no_scores: 'No scores yet' },
    placeholder: 'Placeholder',
    preferred: 'VARIO’s preferred direction',
    tied: 'tied',
    weightNotes: {
      normalised: 'The weights sum to {{sum}}, not to 1: they have been normalised.',
      all_zero_equalised: 'All weights are 0: every criterion counts equally.',
    },
    criteria: 'Criteria and weights',
    criterion: 'Criterion',
    enteredWeight: 'Entered weight',
    normalisedWeight: 'Normalised',
    saveWeights: 'Save weights',
    sensitivity: 'Sensitivity',
    sensitivityIntro:
      'How far must each criterion’s weight move (the others follow proportionally) before ' +
      'another scenario comes out on top? Computed exactly.',
    sensitivityNotes: {
      too_few_ranked: 'At least two fully scored scenarios are needed for a sensitivity analysis.',
      single_criterion: 'With one criterion there is no sensitivity.',
    },
    currentWeight: 'Current weight',
    up: 'Up: leader changes beyond',
    down: 'Down: leader changes below',
    newTop: 'New leader',
    noChange: 'no change',
    sensitivityChart: 'Margin per criterion before the leader changes (percentage points)',
    comments: 'Scores and comments',
    commentsOnly: 'Below, the scores with a comment; all {{count}} scores are in the export.',
    stakeholder: 'Stakeholder',
    score: 'Score',
    comment: 'Comment',
    myScores: 'My scores',
    scoreFor: 'Enter scores for',
    asMyself: 'myself',
    saveScores: 'Save scores',
    newStakeholder: 'New stakeholder organisation',
    name: 'Name',
    description: 'Description',
    editScenario: 'Edit scenario',
    saved: 'Saved.',
    none: '–',
  },
};
