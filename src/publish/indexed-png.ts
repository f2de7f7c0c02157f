/**
 * A PNG of indexed colour (one byte a pixel, a palette of up to 256 colours), written with
 * node:zlib. The film cards have a few colours and their blends; as palette indices they
 * are a third of the bytes of RGB, which deflate faster and smaller than sharp's RGB
 * encoder does (see social-card.ts).
 */
import { deflateSync } from 'node:zlib';

export type Rgb = readonly [number, number, number];

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG's chunks carry it (zlib.crc32 would need Node 20.15). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * pixels: width × height palette indices, row by row. Level 3 of deflate: on a card, level
 * 6 takes three times as long for a fifth fewer bytes.
 */
export function indexedPng(
  { width, height, data: pixels }: { width: number; height: number; data: Uint8Array },
  palette: readonly Rgb[],
  level = 3,
): Buffer {
  if (palette.length < 1 || palette.length > 256) throw new Error(`a palette holds 1 to 256 colours, not ${palette.length}`);
  if (pixels.length !== width * height) throw new Error(`${pixels.length} pixels for a ${width} × ${height} image`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, indexed colour, deflate, adaptive filtering's method, not interlaced
  // Each row is preceded by its filter type; 0 (none) is the fastest, and these rows are long runs anyway.
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
