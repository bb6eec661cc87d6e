import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A .docx that is small on disk and huge inflated: word/document.xml is about `inflatedMb` MB of
 * paragraphs, deflated. With `lie`, its ZIP headers declare a size of 1 KB, as a hostile file
 * would, so only inflating it shows what it is. Built in the test; never committed.
 */
export async function zipBomb(inflatedMb: number, options: { lie?: boolean } = {}): Promise<Uint8Array> {
  const paragraph =
    '<w:p><w:r><w:t>Midlothian Council must do this again, by January 2025.</w:t></w:r></w:p>';
  // Whole paragraphs, so that a small one is a well-formed Word file.
  const chunk = Buffer.from(paragraph.repeat(Math.floor((1024 * 1024) / paragraph.length)));
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (data: Buffer) => parts.push(data));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < inflatedMb; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await ended;
  const size = head.length + tail.length + inflatedMb * chunk.length;
  return zipOf([
    entry('[Content_Types].xml', Buffer.from(CONTENT_TYPES)),
    entry('_rels/.rels', Buffer.from(RELS)),
    { name: 'word/document.xml', data: Buffer.concat(parts), crc, size: options.lie ? 1024 : size },
  ]);
}

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function entry(name: string, content: Buffer): Entry {
  return { name, data: deflateRawSync(content), crc: crc32(content), size: content.length };
}

function zipOf(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, crc, size } of entries) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
