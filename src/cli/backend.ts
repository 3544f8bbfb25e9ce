import type { z } from 'zod';
import type {
  ApiTokenSchema,
  CreatedTokenSchema,
  InvitationSchema,
  InviteSchema,
  Me,
  PersonSchema,
  ProgramPersonSchema,
} from '../contract/auth.js';
import type { OfficialScheduleLoadedSchema } from '../contract/calendar.js';
import type { EvidenceSchema } from '../contract/gate.js';
import type { OperationInput, OperationName, OperationOutput } from '../contract/operations.js';
import type { ClientSchema } from '../contract/setup.js';
import type { Result } from '../domain/result.js';

// What every workspace command needs, in the API's JSON shapes, whether the CLI works on the
// database directly (as --as) or over the HTTP API (with a token). One code path per command: every
// operation of the contract's table (contract/operations.ts) is a method of the same name, taking
// `{ params, query, body }` and answering the API's document; the few that are not one follow.

/** Who the commands act as: the API's Me without the browser's CSRF token. */
export type MeJson = Omit<Me, 'csrfToken' | 'via'>;
export type ProgramPersonJson = z.infer<typeof ProgramPersonSchema>;
export type PersonJson = z.infer<typeof PersonSchema>;
export type ClientJson = z.infer<typeof ClientSchema>;
export type ApiTokenJson = z.infer<typeof ApiTokenSchema>;
export type CreatedTokenJson = z.infer<typeof CreatedTokenSchema>;
export type InvitationJson = z.infer<typeof InvitationSchema>;
export type InviteBody = z.output<typeof InviteSchema>;

/** An operation called with its input: the API's answer, or its refusal (VERSION_CONFLICT's carries `current` as JSON). */
export type OperationCall<K extends OperationName> = (
  ...input: Record<string, never> extends OperationInput<K> ? [input?: OperationInput<K>] : [input: OperationInput<K>]
) => Promise<Result<OperationOutput<K>>>;

/** The invite's link is formed from an address, which only the database backend has to be told. */
type Special = 'invitePerson';

/** One method per operation of the contract's table, derived from it. */
export type OperationCalls = { readonly [K in Exclude<OperationName, Special>]: OperationCall<K> };

/** The official schedule as loaded into the program's calendar. */
export type LoadedSchedule = z.infer<typeof OfficialScheduleLoadedSchema>;

/** A piece of evidence as the API answers it (Evidence). */
export type EvidenceJson = z.infer<typeof EvidenceSchema>;

/** A file to attach as evidence: where it is, and the name it is sent under. */
export interface EvidenceUpload {
  /** Absolute path of the file to read (or stream, to a server). */
  readonly path: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly title?: string | undefined;
  readonly reason?: string | undefined;
}

/** An evidence file as downloaded: its bytes, the name it was uploaded under and the type it is served as. */
export interface EvidenceFileBytes {
  readonly bytes: Uint8Array;
  readonly fileName: string | null;
  readonly contentType: string;
}

/** A gate's checklist pack: the PDF's bytes and the file name the API gives it. */
export interface GatePackPdf {
  readonly pdf: Uint8Array;
  readonly fileName: string;
}

export interface Backend extends OperationCalls {
  /** `database`: use cases on the configured database, as --as; `server`: the HTTP API with a token. */
  readonly kind: 'database' | 'server';
  /** The database's location or the server's address, for messages. */
  readonly where: string;

  me(): Promise<Result<MeJson>>;
  /** On the database the link is formed from `baseUrl`; a server forms it from its own address. */
  invitePerson(body: InviteBody, baseUrl: string | undefined): Promise<Result<InvitationJson>>;
  /** Loads an official schedule file's text; the refusal names each field at fault. */
  uploadOfficialSchedule(programId: string, text: string): Promise<Result<LoadedSchedule>>;
  /** A gate's checklist pack as a PDF (not JSON: drawn in-process on the database, downloaded from a server). */
  gatePack(programId: string, gateKey: string, timeZone: string | undefined): Promise<Result<GatePackPdf>>;
  /** An issued report's PDF (drawn in-process on the database, downloaded from a server). */
  issuedReportPdf(programId: string, week: string, revision: number | 'latest'): Promise<Result<GatePackPdf>>;
  /** The leadership view of a week as a PDF (drawn in-process on the database, downloaded from a server). */
  portfolioPdf(week: string): Promise<Result<GatePackPdf>>;
  /** Attaches a file to a checklist item (multipart to a server, streamed; read whole on the database, within the size limit). */
  addEvidenceFile(programId: string, gateKey: string, itemKey: string, file: EvidenceUpload): Promise<Result<EvidenceJson>>;
  /** An evidence file's bytes, checked against their hash. */
  evidenceFile(programId: string, evidenceId: string): Promise<Result<EvidenceFileBytes>>;

  close(): Promise<void>;
}
