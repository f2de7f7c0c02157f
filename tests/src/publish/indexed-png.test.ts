import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { crc32, indexedPng, type Rgb } from '../../../src/publish/indexed-png.ts';

describe('an indexed-colour PNG', () => {
  it('checksums chunks with PNG’s CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('decodes, in another PNG reader, to the palette’s colours at every pixel', async () => {
    const palette: Rgb[] = [
      [243, 238, 228],
      [23, 21, 19],
      [255, 225, 74],
    ];
    const width = 5;
    const height = 3;
    const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 7) % 3);
    const png = indexedPng({ width, height, data: pixels }, palette);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([width, height, 3]);
    expect(Array.from(data)).toEqual(Array.from(pixels).flatMap((i) => [...palette[i]]));
  });

  it('refuses a palette PNG cannot hold and pixels that do not fill the image', () => {
    expect(() => indexedPng({ width: 1, height: 1, data: new Uint8Array(1) }, [])).toThrow('1 to 256 colours, not 0');
    expect(() => indexedPng({ width: 2, height: 2, data: new Uint8Array(3) }, [[0, 0, 0]])).toThrow('3 pixels for a 2 × 2 image');
  });
});
