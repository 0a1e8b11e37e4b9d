/**
 * Small databases of other shapes than the fintech model, made by the tests: films named by
 * `title`, products by a `code` (SKU-00042), hosts by an IP address, banks by `name` (the fintech
 * labels, with other data), people by `name`. No full-text index unless a test adds one.
 */
import type { Database } from '../../server/neo4j';

export const MOVIES = ['Matrix', 'Matrix Reloaded', 'The Matrix', 'Animatrix', 'Matric', 'Cloud Atlas', 'Speed Racer'];
export const BANKS = ['Deutsche Bank', 'Commerzbank', 'Banco Santander', 'Barclays'];

export async function loadForeign(database: Database): Promise<void> {
  await database.runStatement('UNWIND $titles AS title CREATE (:Movie {title: title, released: 1999})', { titles: MOVIES });
  await database.runStatement("UNWIND range(1, 60) AS i CREATE (:Product {code: 'SKU-' + right('0000' + toString(i), 5), price: i})");
  await database.runStatement("UNWIND ['10.0.0.1', '10.0.0.10', '10.0.0.11', '192.168.1.1', '110.0.0.1'] AS ip CREATE (:Host {ip: ip})");
  await database.runStatement('UNWIND $names AS name CREATE (:Bank {name: name})', { names: BANKS });
  await database.runStatement("UNWIND ['Keanu Reeves', 'Carrie-Anne Moss', 'Hugo Weaving'] AS name CREATE (:Person {name: name})");
  await database.runStatement("MATCH (p:Person {name: 'Keanu Reeves'}), (m:Movie {title: 'The Matrix'}) CREATE (p)-[:ACTED_IN {roles: ['Neo']}]->(m)");
}
