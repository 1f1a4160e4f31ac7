/**
 * How large a zip (an .xlsx) says it is once unpacked, read from its central
 * directory before anything is inflated: a 5 MB workbook of repeated cells
 * can unpack to gigabytes, and exceljs holds all of it in memory.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const ZIP64_SIZE = 0xffffffff;

/** The sum of the entries' unpacked sizes; Infinity for a zip64 size (over 4 GB); null when there is no readable central directory. */
export function unzippedSize(bytes: Buffer): number | null {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  let end = -1;
  for (let at = last; at >= first; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === ZIP64_SIZE) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
