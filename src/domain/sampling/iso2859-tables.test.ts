import { describe, expect, it } from 'vitest';
import { aqlLabels, aqlValues, codeLetters, inspectionLevels, sampleSizes, tableI, tableIIA, tableIIAHead } from './iso2859-tables.js';

// The shape of the tables as the standard prints them; iso2859.test.ts checks the values they give.

describe('ISO 2859-1 tables as data', () => {
  it('has the 26 preferred AQLs of Table II-A in order, each written as the head writes it', () => {
    expect(aqlValues).toHaveLength(26);
    expect(aqlValues[0]).toBe(0.01);
    expect(aqlValues.at(-1)).toBe(1000);
    expect(aqlLabels.map(Number)).toEqual(aqlValues);
    expect(tableIIAHead).toEqual(aqlLabels);
    for (let i = 1; i < aqlValues.length; i++) expect(aqlValues[i]).toBeGreaterThan(aqlValues[i - 1] as number);
  });

  it('has sample sizes 2 … 2000 for the code letters A … R (no I, no O)', () => {
    expect(codeLetters.join('')).toBe('ABCDEFGHJKLMNPQR');
    expect(codeLetters.map((l) => sampleSizes[l])).toEqual([2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000]);
  });

  it('covers every lot from 2 up without a gap in Table I, a letter for each of the seven levels', () => {
    expect(tableI[0]?.from).toBe(2);
    expect(tableI.at(-1)?.to).toBeNull();
    for (let i = 1; i < tableI.length; i++) expect(tableI[i]?.from).toBe((tableI[i - 1]?.to ?? Number.NaN) + 1);
    for (const row of tableI) expect(Object.keys(row.letters).sort()).toEqual([...inspectionLevels].sort());
  });

  it('has a row of 26 cells per code letter in Table II-A, every plan with Re = Ac + 1', () => {
    expect(Object.keys(tableIIA)).toEqual([...codeLetters]);
    for (const letter of codeLetters) {
      expect(tableIIA[letter], letter).toHaveLength(26);
      for (const cell of tableIIA[letter]) {
        if (typeof cell === 'string') expect(['↓', '↑']).toContain(cell);
        else {
          expect(Number.isInteger(cell.ac) && cell.ac >= 0, letter).toBe(true);
          expect(cell.re).toBe(cell.ac + 1);
        }
      }
    }
  });

  it('points every arrow at a plan in its column: none above A, none below R', () => {
    for (const [column] of aqlValues.entries()) {
      const cells = codeLetters.map((l) => tableIIA[l][column]);
      cells.forEach((cell, row) => {
        if (cell === '↓') expect(cells.slice(row + 1).some((c) => typeof c === 'object')).toBe(true);
        if (cell === '↑') expect(cells.slice(0, row).some((c) => typeof c === 'object')).toBe(true);
      });
    }
  });

  it('has the staircase of the master table: each letter down moves a row’s plans one AQL to the left', () => {
    // Within the table's plans, a letter's cell at AQL i equals the next letter's at AQL i - 1.
    for (let row = 0; row + 1 < codeLetters.length; row++) {
      const here = tableIIA[codeLetters[row] as (typeof codeLetters)[number]];
      const below = tableIIA[codeLetters[row + 1] as (typeof codeLetters)[number]];
      for (let col = 1; col < 26; col++) {
        const a = here[col];
        const b = below[col - 1];
        if (typeof a === 'object' && typeof b === 'object') expect(b, `${codeLetters[row]} at ${aqlLabels[col]}`).toEqual(a);
      }
    }
  });
});
