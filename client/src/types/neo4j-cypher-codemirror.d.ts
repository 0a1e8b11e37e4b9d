// @neo4j-cypher/codemirror ships its types (src/codemirror.d.ts) but its package.json "exports" do
// not point at them for the main entry; this re-exports them under the package's name.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
