/** The start view: the most connected entities, in the data's order (the same data is laid out the same way), once `ready` (the schema) has come. */
import { api } from '../api';
import { displayName } from '../graph';
import { inDataOrder } from '../state';
import { errorToast, toast } from '../ui/toast';
import type { Explorer } from './explorer';

export async function loadStartView(explorer: Explorer, ready: Promise<void>): Promise<void> {
  try {
    const [view] = await Promise.all([api.startView(), ready]);
    if (view.nodes.length === 0) {
      toast('The database is empty. Load the default dataset with `npm run seed`, or import your own.', 'error');
      return;
    }
    await explorer.showView(inDataOrder(view, displayName));
  } catch (error) {
    errorToast(error, 'Could not load the start view');
  }
}
