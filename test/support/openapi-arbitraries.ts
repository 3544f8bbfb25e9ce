import fc from 'fast-check';

/*
 * fast-check arbitraries from the JSON schemas of an OpenAPI 3.1 document: values of the shape an
 * operation asks for (so that requests reach the use cases) and values that break it (wrong types,
 * missing and extra fields, out-of-range numbers, hostile text, dates at the edges). Only what the
 * Tollgate document uses is covered: type, enum, const, properties, required, additionalProperties,
 * propertyNames, items, anyOf, oneOf, allOf (first part), nullable, minimum/maximum (also exclusive),
 * minLength/maxLength, minItems/maxItems, pattern, format (date, date-time, email) and $ref into
 * components.schemas. Plain dates are recognised by format "date", by a YYYY-MM-DD description or example.
 */

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly description?: string;
  readonly example?: unknown;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

export interface OpenApiOperation {
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
  /** The answers it documents, by status. */
  readonly responses?: Readonly<Record<string, unknown>>;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

/** A number written into JSON exactly as given (-0, 1e400, 30 digits): JSON.stringify cannot write these. */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawNumbers and own "__proto__" keys. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawNumber) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)] ?? '0');
}

/** An object with the key as an own, enumerable property, even "__proto__". */
export function withKey(o: unknown, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = typeof o === 'object' && o !== null && !Array.isArray(o) ? { ...o } : {};
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export const tenThousand = 'x'.repeat(10_000);

/** Text a hostile client sends: control characters, lone surrogates, bidi overrides, emoji, injections, sizes. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200b',
  '\ufeffBOM',
  '\r\n',
  'tab\there',
  '🎉',
  '👩‍👩‍👧‍👦'.repeat(30),
  'a\u0301'.repeat(50),
  'ＭＩＬＥ',
  'İıß',
  tenThousand,
  '中'.repeat(3000),
  "' OR 1=1 --",
  "'); DROP TABLE milestones; --",
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '\\',
  '"',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e400',
  'Infinity',
  '__proto__',
  'constructor',
  'M-0',
  'M--1',
  'M-1.5',
  'M-99999999999999999999',
  'D-1e3',
];

/** Dates at and beyond the edges of the accepted range, impossible days, near-miss formats. */
export const edgeDates: readonly string[] = [
  '1899-12-31',
  '1900-01-01',
  '1999-12-31',
  '2000-01-01',
  '2099-12-31',
  '2100-01-01',
  '2990-06-01',
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '2100-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '2026-1-5',
  '20260311',
  '2026-03-11T00:00:00Z',
  '+002026-03-11',
  '-000001-01-01',
  ' 2026-03-11',
  '2026-03-11 ',
  '２０２６-03-11',
  '2026-03-11\u0000',
];

/** Instants at the edges: beyond the date range, impossible times, odd offsets and precision. */
export const edgeInstants: readonly string[] = [
  '0001-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999Z',
  '2026-03-11T24:00:00Z',
  '2026-03-11T23:59:60Z',
  '2026-03-11T00:00:00+14:00',
  '2026-03-11T00:00:00-12:00',
  '2026-03-11T00:00:00.123456789Z',
  '2026-03-11T00:00:00',
  '2026-03-11T00:00Z',
  '2026-02-30T00:00:00Z',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Any date-shaped text from year 0 to 9999, mostly far from today, sometimes impossible (day 31 of any month). */
export const farDate: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

/** Real dates inside the accepted range, mostly near the given year. */
export function plainDate(nearYear: number): fc.Arbitrary<string> {
  const day = (y: number, doy: number) => new Date(Date.UTC(y, 0, 1) + doy * 86_400_000).toISOString().slice(0, 10);
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 364 }).map((d) => day(nearYear, d)) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 364 })).map(([y, d]) => day(y, d)) },
  );
}

/** Numbers JSON can carry that break integer fields: -0, huge, fractions, overflow to Infinity, strings. */
const hostileNumbers: readonly unknown[] = [
  new RawNumber('-0'),
  new RawNumber('1e400'),
  new RawNumber('-1e400'),
  new RawNumber('1E2'),
  new RawNumber('123456789012345678901234567890'),
  new RawNumber('0.0000000000000000000001'),
  2 ** 53,
  -(2 ** 53),
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1.5,
  -1,
  0,
  'NaN',
  'Infinity',
  '1',
  '',
  null,
  true,
  [],
  {},
];

/** Values of every JSON type but the schema's, for "wrong type" mutations. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, '', 'text', [], {}, [1, 2], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * Valid-shaped values by name (a property or parameter name; "[key]" for the keys of a map): the ids
 * and keys of seeded records, known people, time zones. `fromSchema` is what the schema alone gives;
 * undefined means just that.
 */
export type Hints = (name: string, schema: JsonSchema, fromSchema: () => fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined;

const plainWords = [
  'Tool T1 released',
  'Pilot run at Ningbo',
  'Golden sample approved',
  'PPAP submission',
  'Drop test on carton',
  'Supplier cannot hold the date',
  'Kettle lid hinge redesign',
  'Müller & Söhne',
  'Überprüfung der Dichtung',
  '注塑模具试模',
  'Señal temprana',
  'ok',
  'x',
];

const plainUnit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;/()&+éüß中文'.split(''));

export class SchemaArbitraries {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly hints: Hints,
    private readonly nearYear: number,
  ) {}

  resolve(s: JsonSchema): JsonSchema {
    let out = s;
    for (let i = 0; out.$ref && i < 10; i++) {
      const name = out.$ref.replace(/^#\/components\/schemas\//, '');
      const target = this.doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved $ref ${out.$ref}`);
      out = target;
    }
    return out.allOf?.length ? { ...this.resolve(out.allOf[0] as JsonSchema), ...out, allOf: undefined } : out;
  }

  isDate(s: JsonSchema): boolean {
    return (
      (s.type === 'string' || s.type === undefined) &&
      (s.format === 'date' ||
        /YYYY-MM-DD/.test(s.description ?? '') ||
        (typeof s.example === 'string' && /^\d{4}-\d\d-\d\d$/.test(s.example)))
    );
  }

  private types(s: JsonSchema): string[] {
    if (s.type === undefined) return s.properties ? ['object'] : s.items ? ['array'] : [];
    return [s.type].flat();
  }

  /** A value the schema accepts (modulo rules a schema cannot say, e.g. which ids exist). */
  valid(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const hinted = name ? this.hints(name, s, () => this.fromSchema(s, name)) : undefined;
    if (!hinted) return this.fromSchema(s, name);
    const branches = [s, ...(s.anyOf ?? s.oneOf ?? [])].map((u) => this.resolve(u));
    // The edges the schema allows stay in play next to the hinted values: null, and "" where a string may be empty.
    const edges = [
      ...(s.nullable || branches.some((u) => u.type === 'null') ? [null] : []),
      ...(branches.some((u) => u.type === 'string' && (u.minLength ?? 0) === 0) ? [''] : []),
    ];
    return edges.length ? fc.oneof({ weight: 8, arbitrary: hinted }, fc.constantFrom(...edges)) : hinted;
  }

  private fromSchema(s: JsonSchema, name: string): fc.Arbitrary<unknown> {
    if (s.nullable) return fc.oneof({ weight: 5, arbitrary: this.valid({ ...s, nullable: false }, name) }, fc.constant(null));
    if ('const' in s) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const union = s.anyOf ?? s.oneOf;
    if (union) return fc.oneof(...union.map((u) => this.valid(u, name)));
    const types = this.types(s);
    if (types.length > 1) return fc.oneof(...types.map((type) => this.valid({ ...s, type }, name)));
    switch (types[0]) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const int = types[0] === 'integer';
        const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (int ? 1 : 1e-6) : -1000);
        const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (int ? 1 : 1e-6) : 1000);
        if (!int) return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
        const a = Math.max(lo, -(2 ** 31));
        const b = Math.min(hi, 2 ** 31 - 1);
        return fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: a, max: Math.min(b, a + 10) }) },
          { weight: 1, arbitrary: fc.integer({ min: a, max: b }) },
          { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
        );
      }
      case 'string':
        return this.validString(s);
      case 'array': {
        const items = s.items ? this.valid(s.items, `${name}[]`) : fc.jsonValue({ maxDepth: 1 });
        return fc.array(items, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)) });
      }
      case 'object':
        return this.validObject(s);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private validString(s: JsonSchema): fc.Arbitrary<string> {
    if (this.isDate(s)) return plainDate(this.nearYear);
    if (s.format === 'date-time')
      return plainDate(this.nearYear).chain((d) =>
        fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${d}T${pad(h, 2)}:${pad(m, 2)}:00Z`),
      );
    if (s.format === 'email')
      return fc.tuple(fc.constantFrom('fuzz', 'ines.invitee', 'o.brien'), fc.nat(9999)).map(([a, n]) => `${a}.${n}@example.test`);
    if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? 200;
    const words = plainWords.filter((w) => w.length >= min && w.length <= max);
    const text = fc.string({ unit: plainUnit, minLength: min, maxLength: Math.min(max, min + 40) });
    return words.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: text }) : text;
  }

  private validObject(s: JsonSchema): fc.Arbitrary<unknown> {
    const props = s.properties ?? {};
    const keys = Object.keys(props);
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const k of keys) model[k] = this.valid(props[k] as JsonSchema, k);
    const record = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
    const extra = s.additionalProperties;
    if (keys.length === 0 && extra && typeof extra === 'object') {
      const key = s.propertyNames ? this.valid(s.propertyNames, '[key]') : fc.string({ minLength: 1, maxLength: 12 });
      return fc.dictionary(key as fc.Arbitrary<string>, this.valid(extra, '[value]'), { maxKeys: 3 });
    }
    return record;
  }

  /**
   * A value that breaks the schema somewhere (or is hostile though possibly still accepted): the whole
   * value of a wrong type, or one part of a valid value replaced, dropped or added to.
   */
  invalid(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const union = s.anyOf ?? s.oneOf;
    if (union) return fc.oneof(...union.map((u) => this.invalid(u, name)));
    const types = this.types(s);
    const wrongType = anyJson;
    if (s.enum || 'const' in s) {
      const first = String(s.enum?.[0] ?? s.const);
      return fc.oneof(
        fc.constantFrom<unknown>(first.toUpperCase(), ` ${first}`, `${first}\u0000`, 'other', ''),
        fc.constantFrom(...hostileStrings),
        wrongType,
      );
    }
    switch (types[0]) {
      case 'integer':
      case 'number': {
        const beyond: unknown[] = [];
        if (s.minimum !== undefined) beyond.push(s.minimum - 1);
        if (s.exclusiveMinimum !== undefined) beyond.push(s.exclusiveMinimum);
        if (s.maximum !== undefined) beyond.push(s.maximum + 1);
        return fc.oneof(fc.constantFrom(...hostileNumbers, ...beyond), fc.double(), wrongType);
      }
      case 'boolean':
        return fc.oneof(fc.constantFrom<unknown>('true', 'false', 0, 1, 'yes', null), wrongType);
      case 'string': {
        const sized: string[] = [];
        if (s.maxLength !== undefined) sized.push('y'.repeat(s.maxLength + 1));
        if ((s.minLength ?? 0) > 0) sized.push('');
        const instants = s.format === 'date-time' ? [fc.constantFrom(...edgeInstants)] : [];
        const dates = this.isDate(s) || s.format === 'date-time' ? [fc.constantFrom(...edgeDates), farDate, ...instants] : [];
        return fc.oneof(
          ...(dates.length ? [{ weight: 4, arbitrary: fc.oneof(...dates) }] : []),
          { weight: 3, arbitrary: fc.constantFrom(...hostileStrings, ...sized) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>(...hostileNumbers) },
          { weight: 1, arbitrary: wrongType },
        );
      }
      case 'array': {
        const item = s.items ? this.valid(s.items, `${name}[]`) : fc.constant(1);
        const tooMany =
          s.maxItems !== undefined && s.maxItems <= 200
            ? [item.chain((x) => fc.constant(Array.from({ length: (s.maxItems as number) + 1 }, () => x)))]
            : [];
        const badItem = s.items ? [fc.array(this.invalid(s.items, `${name}[]`), { minLength: 1, maxLength: 3 })] : [];
        return fc.oneof(...tooMany, ...badItem, fc.constant(Array.from({ length: 2000 }, () => 0)), wrongType);
      }
      case 'object':
        return this.invalidObject(s, name);
      default:
        return wrongType;
    }
  }

  private invalidObject(s: JsonSchema, name: string): fc.Arbitrary<unknown> {
    const base = this.valid(s, name);
    const props = s.properties ?? {};
    const keys = Object.keys(props);
    const required = s.required ?? [];
    const out: fc.Arbitrary<unknown>[] = [anyJson];
    if (required.length)
      out.push(
        fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => {
          const copy = { ...(o as Record<string, unknown>) };
          delete copy[k];
          return copy;
        }),
      );
    out.push(
      fc
        .tuple(
          base,
          fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', '', 'VERSION', ...keys.map((k) => k.toUpperCase())),
          anyJson,
        )
        .map(([o, k, v]) => withKey(o, k, v)),
    );
    for (const k of keys) {
      out.push(fc.tuple(base, this.invalid(props[k] as JsonSchema, k)).map(([o, v]) => withKey(o, k, v)));
    }
    return fc.oneof(...out);
  }
}

/** A path segment percent-encoded from its UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
export function encodeSegment(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The text a query parameter carries for a generated value (arrays repeat the parameter). */
export function queryText(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => queryText(x));
  if (v instanceof RawNumber) return [v.text];
  if (v === null || v === undefined) return [''];
  if (typeof v === 'object') return [toJson(v)];
  return [String(v)];
}
