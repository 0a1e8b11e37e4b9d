// The schema of the fintech knowledge graph: a uniqueness constraint on `id` for every label of
// seed/model.yaml (a unit test checks that they match), and the full-text index that search uses,
// over names and aliases. Every statement is idempotent (IF NOT EXISTS); `npm start` applies them
// all at each start. Unlike the query files, this file holds several statements, each ending in ";".
// Parameters: none.

CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bank_id IF NOT EXISTS FOR (n:Bank) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT regulator_id IF NOT EXISTS FOR (n:Regulator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Bank|Product|Regulator|Person|Source)
ON EACH [n.name, n.aliases];
