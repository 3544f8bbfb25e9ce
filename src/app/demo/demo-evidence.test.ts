import { describe, expect, it } from 'vitest';
import { checkEvidence } from '../../domain/gates/evidence.js';
import { checkEvidenceFile } from '../../domain/gates/evidence-file.js';
import type { Program } from '../../domain/program.js';
import { demoChartPng, demoEvidence } from './demo-evidence.js';

const program = { code: 'KHG-KW500', supplierName: 'Ningbo Lisheng Electric Appliance' } as Program;

describe('the demo’s evidence', () => {
  it('is a link, a signed record or a chart by the item’s place, each kept as the API would keep it', () => {
    const kinds = [0, 1, 2].map((position) => {
      const e = demoEvidence(program, { key: 'G1-TOOLING-T1', title: 'Tooling T1 approved', position });
      if (e.kind === 'file') {
        const checked = checkEvidenceFile(e.fileName, e.content, 26_214_400);
        expect(checked.ok, e.fileName).toBe(true);
        return checked.ok ? checked.value.type.label : 'refused';
      }
      expect(checkEvidence(e).ok).toBe(true);
      return e.kind;
    });
    expect(kinds).toEqual(['link', 'PNG', 'plain text']);
  });

  it('draws a real PNG: signature, IHDR of the asked size, and an IEND', () => {
    const png = demoChartPng([0.5, 0.6], 10, 6);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([10, 6]);
    expect(String.fromCharCode(...png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });
});
