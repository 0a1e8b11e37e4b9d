/**
 * Wires the styling rules to the page: the panel sets them on the explorer (no undo step) and they
 * are kept for the open database in this browser. When the canvas first shows a database's nodes,
 * its kept rules apply, unless the view came from a link that carries rules of its own: those
 * apply, and are kept.
 */
import './styling.css';
import type { SchemaInfo } from '../../../server/contract';
import type { Explorer } from '../explorer';
import type { CoveredAreas } from '../layout/panel';
import { StylePanel } from './panel';
import { DEFAULT_RULES } from './rules';
import { databaseKey, readRules, writeRules } from './store';

export interface Styling {
  panel: StylePanel;
}

export function attachStyling(explorer: Explorer, schema: () => SchemaInfo | null, container: HTMLElement, toggle: HTMLButtonElement, covers: CoveredAreas): Styling {
  let database: string | null = null;
  const panel = new StylePanel({
    state: () => explorer.state,
    schema,
    rules: () => explorer.rules,
    apply: (rules) => {
      explorer.setStyle(rules, 'user');
      if (database !== null) writeRules(database, rules);
    },
  }, toggle, covers);
  container.append(panel.root);
  explorer.onChange((state) => {
    const key = databaseKey(state);
    if (key !== null && key !== database) {
      database = key;
      // Rules from a link (or chosen before any node was drawn) are this database's now; else its kept ones apply.
      if (explorer.styleSource === 'link' || explorer.styleSource === 'user') writeRules(key, explorer.rules);
      else {
        const kept = readRules(key);
        explorer.setStyle(kept ?? DEFAULT_RULES, kept ? 'stored' : 'default');
      }
    }
    panel.refresh();
  });
  return { panel };
}
