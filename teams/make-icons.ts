/**
 * Writes the Teams app icons (teams/color.png 192×192, teams/outline.png 32×32, white on
 * transparent as Teams requires) with no image library: a PNG is a few zlib'd rows and CRCs.
 * Run: npx tsx teams/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG whose pixel at (x, y) is `paint(x, y)`. */
export function png(size: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) rows.set(paint(x, y), y * (1 + size * 4) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A document with three lines: the register of directions. */
const mark = (x: number, y: number, size: number) => {
  const u = x / size;
  const v = y / size;
  const page = u > 0.28 && u < 0.72 && v > 0.2 && v < 0.8;
  const line = page && u > 0.36 && u < 0.64 && [0.34, 0.48, 0.62].some((row) => Math.abs(v - row) < 0.03);
  return { page, line };
};

if (process.argv[1]?.endsWith('make-icons.ts')) {
  const here = new URL('.', import.meta.url);
  writeFileSync(
    new URL('color.png', here),
    png(192, (x, y) => {
      const { page, line } = mark(x, y, 192);
      return line ? [0, 94, 184, 255] : page ? [255, 255, 255, 255] : [0, 94, 184, 255];
    }),
  );
  writeFileSync(
    new URL('outline.png', here),
    png(32, (x, y) => {
      const { page, line } = mark(x, y, 32);
      return page && !line ? [255, 255, 255, 255] : [0, 0, 0, 0];
    }),
  );
}
