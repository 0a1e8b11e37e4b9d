/** What the legend's controls do to the explorer: each filter change is a step of the undo history. */
import type { Explorer } from '../explorer';
import { clearFilters, onlyLabel, onlyType, setHideOrphans, setYears, showAllLabels, showAllTypes, toggleLabel, toggleType } from '../state';
import type { LegendActions } from './index';

export function legendActions(explorer: Explorer): LegendActions {
  return {
    toggleLabel: (label) => explorer.change(toggleLabel(explorer.state, label)),
    toggleType: (type) => explorer.change(toggleType(explorer.state, type)),
    onlyLabel: (label) => explorer.change(onlyLabel(explorer.state, label)),
    onlyType: (type) => explorer.change(onlyType(explorer.state, type)),
    showAllLabels: () => explorer.change(showAllLabels(explorer.state)),
    showAllTypes: () => explorer.change(showAllTypes(explorer.state)),
    setHideOrphans: (hide) => explorer.change(setHideOrphans(explorer.state, hide)),
    setYears: (years, keepUndated) => explorer.change(setYears(explorer.state, years, keepUndated)),
    clearFilters: () => explorer.change(clearFilters(explorer.state)),
  };
}
