// The schema of the fintech knowledge graph: a uniqueness constraint on `id` for every label and
// every relationship type of seed/model.yaml (a unit test checks that they match; the importer also
// checks, in its transaction, that a relationship id is unique across types), and the full-text index that search uses,
// over names and aliases. Every statement is idempotent (IF NOT EXISTS); `npm start` applies them
// all at each start. Unlike the query files, this file holds several statements, each ending in ";".
// Parameters: none.

CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bank_id IF NOT EXISTS FOR (n:Bank) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT regulator_id IF NOT EXISTS FOR (n:Regulator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT competes_with_id IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT owns_id IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT subsidiary_of_id IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT offers_id IF NOT EXISTS FOR ()-[r:OFFERS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT distributes_id IF NOT EXISTS FOR ()-[r:DISTRIBUTES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT set_up_joint_venture_id IF NOT EXISTS FOR ()-[r:SET_UP_JOINT_VENTURE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT licensed_by_id IF NOT EXISTS FOR ()-[r:LICENSED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT works_for_id IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT imitates_id IF NOT EXISTS FOR ()-[r:IMITATES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT provides_infrastructure_for_id IF NOT EXISTS FOR ()-[r:PROVIDES_INFRASTRUCTURE_FOR]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reported_on_id IF NOT EXISTS FOR ()-[r:REPORTED_ON]-() REQUIRE r.id IS UNIQUE;

CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Company|Bank|Product|Regulator|Person|Source)
ON EACH [n.name, n.aliases];
