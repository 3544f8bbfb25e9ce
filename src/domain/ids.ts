declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ProgramId = Brand<string, 'ProgramId'>;
export type MilestoneId = Brand<string, 'MilestoneId'>;
export type ClientId = Brand<string, 'ClientId'>;
export type UserId = Brand<string, 'UserId'>;
export type SupplierId = Brand<string, 'SupplierId'>;
export type FactoryId = Brand<string, 'FactoryId'>;

export const asProgramId = (id: string) => id as ProgramId;
export const asMilestoneId = (id: string) => id as MilestoneId;
export const asClientId = (id: string) => id as ClientId;
export const asUserId = (id: string) => id as UserId;
export const asSupplierId = (id: string) => id as SupplierId;
export const asFactoryId = (id: string) => id as FactoryId;
