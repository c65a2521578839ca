// pdf.js 6 uses Promise.withResolvers (Node 22); Node 20 gets the few lines it needs.
const promiseStatics = Promise as unknown as { withResolvers?: unknown };
if (typeof promiseStatics.withResolvers !== 'function') {
  promiseStatics.withResolvers = <T>() => {
    let resolve: (value: T) => void = () => undefined;
    let reject: (reason?: unknown) => void = () => undefined;
    const promise = new Promise<T>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
}
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PdfFacts {
  pages: string[];
  text: string;
  title: string | null;
  language: string | null;
  isTagged: boolean;
  /** Base font names (an embedded subset carries a prefix like ABCDEF+DejaVuSans). */
  fonts: string[];
}

/** Text per page (pdf.js text extraction, lines joined by newlines) and the document's metadata. */
export async function readPdf(body: Buffer): Promise<PdfFacts> {
  const task = getDocument({
    data: new Uint8Array(body),
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  const pages: string[] = [];
  const fonts = new Set<string>();
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text);
  }
  const metadata = await document.getMetadata();
  const info = metadata.info as { Title?: string; Language?: string; IsTagged?: boolean } | undefined;
  await task.destroy();
  // Font dictionaries are plain text in pdfkit's output: '/BaseFont /ABCDEF+DejaVuSans'.
  const raw = body.toString('latin1');
  for (const match of raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)) fonts.add(match[1]);
  return {
    pages,
    text: pages.join('\n'),
    title: info?.Title ?? null,
    language: info?.Language ?? null,
    isTagged: /\/MarkInfo/.test(raw) && /\/Marked true/.test(raw) && /\/StructTreeRoot/.test(raw),
    fonts: [...fonts],
  };
}
