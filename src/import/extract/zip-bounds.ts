import { inflateRawSync } from 'node:zlib';
import { MAX_DOCX_INFLATED_BYTES, MAX_DOCX_PART_BYTES, MAX_DOCX_PARTS, megabytes } from '../limits';

export interface ZipLimits {
  maxParts: number;
  maxPartBytes: number;
  maxTotalBytes: number;
}

export const DOCX_LIMITS: ZipLimits = {
  maxParts: MAX_DOCX_PARTS,
  maxPartBytes: MAX_DOCX_PART_BYTES,
  maxTotalBytes: MAX_DOCX_INFLATED_BYTES,
};

export type ZipCheck = { ok: true; parts: number; inflatedBytes: number } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks that a ZIP (a .docx) inflates within bounds before anything unzips it for real: every
 * part's declared size, then its actual size while inflating it — stopping at the ceiling, so a
 * 1 MB file that would inflate to 300 MB costs at most the ceiling, never the 300 MB. The
 * central directory is what mammoth's unzipper (JSZip) reads too, so every part it could
 * inflate is one checked here. Only stored and deflated parts are accepted, as Word writes.
 */
export function checkZipBounds(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipCheck {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(buffer);
  if (end === undefined) return { ok: false, reason: 'its ZIP directory is missing or damaged' };
  const count = buffer.readUInt16LE(end + 10);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    return { ok: false, reason: 'it is a ZIP64 archive, which Word does not write for a paper' };
  if (count > limits.maxParts)
    return {
      ok: false,
      reason: `it has ${count} parts; a Word paper has tens, and up to ${limits.maxParts} are read`,
    };

  let total = 0;
  let offset = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL)
      return { ok: false, reason: 'its ZIP directory is damaged' };
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const declaredSize = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    const room = Math.min(limits.maxPartBytes, limits.maxTotalBytes - total);
    const tooBig = (size: string) => ({
      ok: false as const,
      reason: `its part ${name} ${size}; parts of up to ${megabytes(limits.maxPartBytes)} and ${megabytes(limits.maxTotalBytes)} in all are read (a real paper's text is a few MB)`,
    });
    if (declaredSize > room) return tooBig(`says it inflates to ${megabytes(declaredSize)}`);
    const data = dataOf(buffer, localOffset, compressedSize);
    if (!data) return { ok: false, reason: `its part ${name} is cut short or damaged` };
    let inflated: number;
    if (method === 0) inflated = data.length;
    else if (method === 8) {
      try {
        // maxOutputLength stops zlib at the ceiling instead of inflating the whole bomb.
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, room) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          return tooBig(`inflates to more than ${megabytes(room)}`);
        return { ok: false, reason: `its part ${name} is damaged (${(error as Error).message})` };
      }
    } else return { ok: false, reason: `its part ${name} is compressed in a way Word does not use` };
    total += inflated;
  }
  return { ok: true, parts: count, inflatedBytes: total };
}

function findEndOfCentralDirectory(buffer: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of up to 65,535.
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--)
    if (buffer.readUInt32LE(at) === EOCD) return at;
  return undefined;
}

function dataOf(buffer: Buffer, localOffset: number, compressedSize: number): Buffer | undefined {
  if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) return undefined;
  const start =
    localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
  if (start + compressedSize > buffer.length) return undefined;
  return buffer.subarray(start, start + compressedSize);
}
