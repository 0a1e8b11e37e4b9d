// Cytoscape extensions without type declarations of their own: registered with cytoscape.use().
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}
