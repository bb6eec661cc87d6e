import JSZip from 'jszip';

/** A .docx opened as its parts: the XML of the body, headers and footers, and the media files. */
export async function openDocx(bytes: Uint8Array): Promise<{
  files: string[];
  document: string;
  part(name: string): Promise<string>;
  media(): Promise<{ name: string; bytes: Uint8Array }[]>;
}> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the document (has ${files.join(', ')})`);
    return file.async('string');
  };
  return {
    files,
    document: await part('word/document.xml'),
    part,
    media: () =>
      Promise.all(
        files
          .filter((name) => name.startsWith('word/media/'))
          .map(async (name) => ({
            name,
            bytes: await (zip.file(name) as JSZip.JSZipObject).async('uint8array'),
          })),
      ),
  };
}

/** The table rows of a part, each as the texts of its cells. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0])),
  );
}

export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((match) => unescapeXml(match[1] ?? ''))
    .join('');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
