import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Edition } from './edition.entity';

/** Anything that reads entities: the DataSource, its manager, or a transaction's manager. */
export type EditionReader = Pick<EntityManager, 'getRepository'>;

/**
 * The one "load the edition or 404" of the API. Pass the transaction's manager when the
 * caller reads inside one (e.g. a REPEATABLE READ snapshot), else the DataSource;
 * `forUpdate` locks the row for the rest of that transaction.
 */
export async function loadEdition(db: EditionReader, id: string, options: { forUpdate?: boolean } = {}): Promise<Edition> {
  const edition = await db.getRepository(Edition).findOne({ where: { id }, lock: options.forUpdate ? { mode: 'pessimistic_write' } : undefined });
  if (!edition) throw new DomainError('EDITION_NOT_FOUND', `no edition ${id}`);
  return edition;
}
