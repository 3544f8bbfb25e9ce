// ISO 2859-1 (identical to ANSI/ASQ Z1.4 and MIL-STD-105E) for single sampling at normal inspection,
// as the standard prints it: Table I (sample size code letters) and Table II-A (the master table).

export type InspectionLevel = 'I' | 'II' | 'III' | 'S-1' | 'S-2' | 'S-3' | 'S-4';
/** The general levels first (II is the usual one), then the special levels for small samples. */
export const inspectionLevels = ['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4'] as const satisfies readonly InspectionLevel[];

export type CodeLetter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'J' | 'K' | 'L' | 'M' | 'N' | 'P' | 'Q' | 'R';
/** The code letters top to bottom of Table II-A (I and O are not used). */
export const codeLetters: readonly CodeLetter[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R'];

/** The sample size of each code letter's row of Table II-A. */
export const sampleSizes: Readonly<Record<CodeLetter, number>> = {
  A: 2,
  B: 3,
  C: 5,
  D: 8,
  E: 13,
  F: 20,
  G: 32,
  H: 50,
  J: 80,
  K: 125,
  L: 200,
  M: 315,
  N: 500,
  P: 800,
  Q: 1250,
  R: 2000,
};

/** The smallest lot Table I has a row for, and the largest lot Tollgate takes (its last row is "500,001 and over"). */
export const lotSizeMin = 2;
export const lotSizeMax = 10_000_000;

export interface LotSizeRow {
  readonly from: number;
  /** null: "and over". */
  readonly to: number | null;
  readonly letters: Readonly<Record<InspectionLevel, CodeLetter>>;
}

// Table I, one line per lot-size range; the letters in the order S-1 S-2 S-3 S-4 I II III, as printed.
const tableIText = `
       2        8  A A A A  A A B
       9       15  A A A A  A B C
      16       25  A A B B  B C D
      26       50  A B B C  C D E
      51       90  B B C C  C E F
      91      150  B B C D  D F G
     151      280  B C D E  E G H
     281      500  B C D E  F H J
     501     1200  C C E F  G J K
    1201     3200  C D E G  H K L
    3201    10000  C D F G  J L M
   10001    35000  C D F H  K M N
   35001   150000  D E G J  L N P
  150001   500000  D E G J  M P Q
  500001        -  D E H K  N Q R
`;

const printedLevelOrder: readonly InspectionLevel[] = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'];

/** Table I: lot-size ranges to the sample size code letter of each inspection level. */
export const tableI: readonly LotSizeRow[] = tableIText
  .trim()
  .split('\n')
  .map((line) => {
    const [from = '', to = '', ...letters] = line.trim().split(/\s+/);
    return {
      from: Number(from),
      to: to === '-' ? null : Number(to),
      letters: Object.fromEntries(printedLevelOrder.map((level, i) => [level, letters[i] as CodeLetter])) as Record<
        InspectionLevel,
        CodeLetter
      >,
    };
  });

/** The 26 preferred AQLs of Table II-A, in percent nonconforming or nonconformities per 100 units (above 10: only the latter). */
export const aqlValues: readonly number[] = [
  0.01, 0.015, 0.025, 0.04, 0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1, 1.5, 2.5, 4, 6.5, 10, 15, 25, 40, 65, 100, 150, 250, 400, 650, 1000,
];

/** Each AQL written as the table's head writes it (0.010, 0.10, 1.0, 10). */
export const aqlLabels: readonly string[] = [
  '0.010',
  '0.015',
  '0.025',
  '0.040',
  '0.065',
  '0.10',
  '0.15',
  '0.25',
  '0.40',
  '0.65',
  '1.0',
  '1.5',
  '2.5',
  '4.0',
  '6.5',
  '10',
  '15',
  '25',
  '40',
  '65',
  '100',
  '150',
  '250',
  '400',
  '650',
  '1000',
];

/** A cell of Table II-A: a plan (Ac, Re), or an arrow to the first plan below (↓) or above (↑) it in its column. */
export type TableIIACell = { readonly ac: number; readonly re: number } | '↓' | '↑';

// Table II-A, one line per code letter, one cell per AQL of the head (Ac/Re, or an arrow). Where the
// printed table has no row to point to (above A, below R) the arrow points the only way there is.
const tableIIAText = `
        0.010 0.015 0.025 0.040 0.065  0.10  0.15  0.25  0.40  0.65   1.0   1.5   2.5   4.0   6.5    10    15    25    40    65   100   150   250   400   650  1000
  A       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↓     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31
  B       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45
  C       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ↑
  D       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ↑     ↑
  E       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ↑     ↑     ↑
  F       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑
  G       ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  H       ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  J       ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  K       ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  L       ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  M       ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  N       ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  P       ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  Q     0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
  R       ↑     ↑   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
`;

const cellOf = (text: string): TableIIACell => {
  if (text === '↓' || text === '↑') return text;
  const [ac, re] = text.split('/').map(Number);
  return { ac: ac ?? Number.NaN, re: re ?? Number.NaN };
};

const [headLine = '', ...letterLines] = tableIIAText.trim().split('\n');
/** The AQLs of the printed head, checked against aqlLabels by the tables' test. */
export const tableIIAHead: readonly string[] = headLine.trim().split(/\s+/);

const tableIIARows: Partial<Record<CodeLetter, readonly TableIIACell[]>> = {};
for (const line of letterLines) {
  const [letter = '', ...cells] = line.trim().split(/\s+/);
  tableIIARows[letter as CodeLetter] = cells.map(cellOf);
}
/** Table II-A: per code letter, one cell per AQL of aqlValues (same order); the tables' test proves every letter has its row. */
export const tableIIA = tableIIARows as Readonly<Record<CodeLetter, readonly TableIIACell[]>>;
