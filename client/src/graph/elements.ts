/** API graph pieces to Cytoscape element definitions (pure). */
import type { ElementDefinition } from 'cytoscape';
import type { GraphView } from '../../../server/contract';
import { displayName } from './display';
import { labelStyle } from './palette';

export function toElements(view: GraphView): ElementDefinition[] {
  const nodeIds = new Set(view.nodes.map((node) => node.id));
  const nodes: ElementDefinition[] = view.nodes.map((node) => {
    const label = node.labels[0] ?? '';
    const style = labelStyle(label);
    return {
      group: 'nodes',
      data: { id: node.id, name: displayName(node), label, color: style.color, shape: style.shape },
    };
  });
  const edges: ElementDefinition[] = view.edges
    .filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target))
    .map((edge) => ({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type } }));
  return [...nodes, ...edges];
}
