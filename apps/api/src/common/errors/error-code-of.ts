import { DomainError } from './domain-error';

/** The code of the DomainError `work` throws; undefined when it throws nothing (specs of rules read as code tables). */
export function errorCodeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
}
