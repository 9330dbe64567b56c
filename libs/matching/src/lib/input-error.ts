import type { Language, Sector } from './domain';
import { COOPERATION_TYPES, LANGUAGES, SECTORS, SIZE_BANDS } from './domain';

/**
 * A firm or offer with a value the engine does not know (a sector added to the product but
 * not to the engine, a typo in a seed). Named, with the record and field, so a run fails
 * with a message that says what to fix instead of a TypeError or a NaN score.
 */
export class MatchingInputError extends Error {
  override readonly name = 'MatchingInputError';
  constructor(
    readonly record: string,
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${record}: ${field} has unknown value ${JSON.stringify(value)}`);
  }
}

function check(record: string, field: string, value: unknown, known: readonly string[]): void {
  if (typeof value !== 'string' || !known.includes(value)) throw new MatchingInputError(record, field, value);
}

function checkAll(record: string, field: string, values: unknown, known: readonly string[]): void {
  if (!Array.isArray(values)) throw new MatchingInputError(record, field, values);
  values.forEach((v, i) => check(record, `${field}[${i}]`, v, known));
}

export function checkFirm(firm: {
  id: string;
  sectors: readonly Sector[];
  cooperationTypes: readonly string[];
  sizeBand: string;
  languages: readonly Language[];
}): void {
  const record = `firm ${firm.id}`;
  checkAll(record, 'sectors', firm.sectors, SECTORS);
  checkAll(record, 'cooperationTypes', firm.cooperationTypes, COOPERATION_TYPES);
  check(record, 'sizeBand', firm.sizeBand, SIZE_BANDS);
  checkAll(record, 'languages', firm.languages, LANGUAGES);
}

export function checkOffer(offer: {
  id: string;
  sector: string;
  cooperationType: string;
  company: { sectors: readonly string[]; languages: readonly string[] };
}): void {
  const record = `offer ${offer.id}`;
  check(record, 'sector', offer.sector, SECTORS);
  check(record, 'cooperationType', offer.cooperationType, COOPERATION_TYPES);
  checkAll(record, 'company.sectors', offer.company?.sectors, SECTORS);
  checkAll(record, 'company.languages', offer.company?.languages, LANGUAGES);
}
