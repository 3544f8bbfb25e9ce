import { deflateSync } from 'node:zlib';
import type { EvidenceInput } from '../../domain/gates/evidence.js';
import type { Program } from '../../domain/program.js';
import type { EvidenceFileInput } from '../gates/add-evidence.js';

// The demo's evidence, made in code (nothing read from disk or the network): a link to the program's
// document system, a short inspection record as text, or a small chart as a PNG, by the item's place.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small bar chart (measured values against a limit line) as an RGB PNG. */
export function demoChartPng(values: readonly number[], width = 96, height = 48): Uint8Array {
  const rows: Buffer[] = [];
  const limit = Math.round(height * 0.25);
  const bar = Math.max(1, Math.floor(width / values.length));
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const v = values[Math.floor(x / bar)] ?? 0;
      const top = height - Math.round(v * height);
      const isBar = y >= top && x % bar !== bar - 1;
      const [r, g, b] = y === limit ? [200, 40, 40] : isBar ? [46, 125, 90] : [248, 248, 244];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', new Uint8Array(0))]),
  );
}

/** One piece of evidence for a demo item: every third a chart, every third a record, the rest links. */
export function demoEvidence(
  program: Program,
  item: { readonly key: string; readonly title: string; readonly position: number },
): EvidenceInput | EvidenceFileInput {
  const slug = item.key.toLowerCase();
  if (item.position % 3 === 1) {
    const seed = [...item.key].reduce((s, c) => s + c.charCodeAt(0), 0);
    const values = Array.from({ length: 8 }, (_, i) => 0.45 + (((seed * (i + 3)) % 17) / 17) * 0.25);
    return {
      kind: 'file',
      title: `${item.title}: measurement chart`,
      fileName: `${program.code}-${slug}-chart.png`,
      content: demoChartPng(values),
    };
  }
  if (item.position % 3 === 2) {
    const text = [
      `${program.code} ${item.key} — ${item.title}`,
      `Supplier: ${program.supplierName}`,
      'Checked against the gate close criteria; signed record filed in the program folder.',
      'Result: OK',
      '',
    ].join('\n');
    return {
      kind: 'file',
      title: `${item.title}: signed record`,
      fileName: `${program.code}-${slug}-record.txt`,
      content: new TextEncoder().encode(text),
    };
  }
  return {
    kind: 'link',
    title: `${item.title} in the document system`,
    url: `https://docs.example.com/${encodeURIComponent(program.code)}/${encodeURIComponent(item.key)}`,
  };
}
