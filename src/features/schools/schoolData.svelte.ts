/** What the school screens read: the units and the ledger (`LedgerData`), and the schools among the units. */
import { isSchool, type School } from '../../lib/domain/school';
import { LedgerData } from '../ledger/ledgerData.svelte';

export class SchoolData extends LedgerData {
  readonly schools = $derived(this.units.filter(isSchool));

  school(id: string): School | undefined {
    return this.schools.find((school) => school.id === id);
  }
}
