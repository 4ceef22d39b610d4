import { getDatabase } from '../../shared/db/database';
import { PacksRepo } from '../../shared/db/repos/packs';

let repo: PacksRepo | undefined;
/** The options page's packs repository, created on first use. */
export function packsRepo(): PacksRepo {
  repo ??= new PacksRepo(getDatabase());
  return repo;
}
