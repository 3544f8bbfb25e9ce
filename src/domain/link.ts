/** Records that can be linked to each other; later capabilities (gates, escalations) add theirs. */
export const linkableEntities = ['milestone', 'decision', 'risk', 'action'] as const;
export type LinkableEntity = (typeof linkableEntities)[number];

/** A directed link between two records of one program, e.g. decision D-7 → milestone M-12. */
export interface Link {
  readonly id: string;
  readonly programId: string;
  readonly fromEntity: LinkableEntity;
  readonly fromId: string;
  readonly toEntity: LinkableEntity;
  readonly toId: string;
  readonly version: number;
}
