// The server's log for people at a terminal (LOG_FORMAT=text, the default): one short line per answered
// request, and every other record (start, warnings, errors) as one readable line. JSON lines stay the
// choice of log collectors (LOG_FORMAT=json).

/** Where log lines go: the process's stdout, or a test's capture. */
export interface LogSink {
  write(text: string): unknown;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
let shownSecond = -1;
let shownClock = '';

/** hh:mm:ss on the machine's clock, in its time zone; made once a second, not once a line. */
export function clockText(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== shownSecond) {
    const d = new Date(epochMs);
    shownSecond = second;
    shownClock = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  }
  return shownClock;
}

const msText = (ms: number) => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

/** One answered request: "23:41:07 GET /api/v1/programs 200 12 ms". The URL comes already redacted. */
export const requestLine = (method: string, url: string, status: number, ms: number): string =>
  `${clockText(Date.now())} ${method} ${url} ${status} ${msText(ms)} ms\n`;

const levelWords: Record<number, string> = { 10: 'TRACE ', 20: 'DEBUG ', 40: 'WARN ', 50: 'ERROR ', 60: 'FATAL ' };

/** pino's own fields and those shown otherwise; the rest of a record is shown as key=value. */
const shownOtherwise = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'err', 'responseTime']);

const valueText = (v: unknown): string =>
  typeof v === 'string' ? (/\s/.test(v) ? JSON.stringify(v) : v) : Array.isArray(v) ? listText(v) : JSON.stringify(v);

/** A list, short: all of a few, or the first and last of many with their count (the JSON format has them all). */
const listText = (v: readonly unknown[]): string =>
  v.length <= 3 ? v.map(valueText).join(',') : `${valueText(v[0])}…${valueText(v.at(-1))}(${v.length})`;

interface LogRecord {
  readonly level?: number;
  readonly time?: number;
  readonly msg?: string;
  readonly err?: { readonly message?: string; readonly stack?: string };
  readonly req?: { readonly method?: string; readonly url?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly [key: string]: unknown;
}

/** One pino record (already redacted) as one line: time, level from WARN up, message, error message, fields. */
export function recordLine(record: LogRecord, withStack: boolean): string {
  const level = levelWords[record.level ?? 30] ?? '';
  let line = `${clockText(record.time ?? Date.now())} ${level}${record.msg ?? ''}`;
  if (record.req?.method) {
    line += ` ${record.req.method} ${record.req.url ?? ''}`;
    if (record.res?.statusCode) line += ` ${record.res.statusCode}`;
  }
  if (record.err?.message) line += `: ${record.err.message}`;
  for (const [key, value] of Object.entries(record)) {
    if (shownOtherwise.has(key) || value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    line += ` ${key}=${valueText(value)}`;
  }
  const trace = withStack && record.err?.stack ? record.err.stack : '';
  // The stack's lines below its first, which repeats the message.
  const stack = trace.includes('\n') ? trace.slice(trace.indexOf('\n')) : '';
  return `${line}${stack}\n`;
}

/**
 * A pino destination that writes each record as a line for people (records other than requests are
 * few: start, warnings, errors). Stacks only when debugging; the JSON format always has them.
 */
export function textLogStream(sink: LogSink, opts: { readonly withStack: boolean }): LogSink {
  return {
    write(json: string) {
      let record: LogRecord;
      try {
        record = JSON.parse(json) as LogRecord;
      } catch {
        return sink.write(json);
      }
      return sink.write(recordLine(record, opts.withStack));
    },
  };
}
