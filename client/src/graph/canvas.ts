/** The Cytoscape canvas: draws elements; styles come from the element data. */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';

export function createCanvas(container: HTMLElement): Core {
  return cytoscape({
    container,
    wheelSensitivity: 0.3,
    textureOnViewport: true,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          shape: 'data(shape)' as never,
          label: 'data(name)',
          'font-size': 11,
          color: '#1f2933',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          'text-background-color': '#f8fafc',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
          width: 28,
          height: 28,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9aa5b1',
          'target-arrow-color': '#9aa5b1',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 8,
          color: '#616e7c',
          'text-rotation': 'autorotate',
          'text-background-color': '#f8fafc',
          'text-background-opacity': 0.8,
        },
      },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#111827' } },
    ],
  });
}

export function showElements(cy: Core, elements: ElementDefinition[]): void {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: true, padding: 30 }).run();
  cy.fit(undefined, 30);
}
