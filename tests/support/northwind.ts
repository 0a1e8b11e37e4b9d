/**
 * Loads the Northwind fixture (tests/fixtures/northwind) into Neo4j as the classic Northwind graph:
 * Product-PART_OF->Category, Supplier-SUPPLIES->Product, Customer-PURCHASED->Order,
 * Employee-SOLD->Order, Order-ORDERS->Product (with quantity, price and discount),
 * Order-SHIPPED_VIA->Shipper, Employee-REPORTS_TO->Employee. No full-text index, no `name` property.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../server/neo4j';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'northwind');
const SKIP_COLUMNS = new Set(['picture', 'photo', 'photoPath', 'notes']);

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((values) => Object.fromEntries((header ?? []).map((key, i) => [key, values[i] ?? ''])));
}

function read(file: string): Record<string, string | number>[] {
  return parseCsv(fs.readFileSync(path.join(DIR, file), 'utf8')).map((record) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([key, value]) => !SKIP_COLUMNS.has(key) && value !== 'NULL' && value !== '')
        .map(([key, value]) => [key, /^-?\d+(\.\d+)?$/.test(value) && !/^0\d/.test(value) && !/(phone|fax|postalCode|customerID)$/i.test(key) ? Number(value) : value]),
    ),
  );
}

async function nodes(database: Database, label: string, file: string): Promise<void> {
  await database.runStatement(`UNWIND $rows AS row CREATE (n:${label}) SET n = row`, { rows: read(file) });
}

export async function loadNorthwind(database: Database): Promise<void> {
  await nodes(database, 'Category', 'categories.csv');
  await nodes(database, 'Product', 'products.csv');
  await nodes(database, 'Supplier', 'suppliers.csv');
  await nodes(database, 'Customer', 'customers.csv');
  await nodes(database, 'Employee', 'employees.csv');
  await nodes(database, 'Order', 'orders.csv');
  await nodes(database, 'Shipper', 'shippers.csv');
  for (const [label, key] of [['Category', 'categoryID'], ['Product', 'productID'], ['Supplier', 'supplierID'], ['Customer', 'customerID'], ['Employee', 'employeeID'], ['Order', 'orderID'], ['Shipper', 'shipperID']]) {
    await database.runStatement(`CREATE INDEX northwind_${key} IF NOT EXISTS FOR (n:${label}) ON (n.${key})`);
  }
  await database.runStatement('CALL db.awaitIndexes(60)');
  await database.runStatement('MATCH (p:Product) MATCH (c:Category {categoryID: p.categoryID}) CREATE (p)-[:PART_OF]->(c)');
  await database.runStatement('MATCH (p:Product) MATCH (s:Supplier {supplierID: p.supplierID}) CREATE (s)-[:SUPPLIES]->(p)');
  await database.runStatement('MATCH (o:Order) MATCH (c:Customer {customerID: o.customerID}) CREATE (c)-[:PURCHASED]->(o)');
  await database.runStatement('MATCH (o:Order) MATCH (e:Employee {employeeID: o.employeeID}) CREATE (e)-[:SOLD]->(o)');
  await database.runStatement('MATCH (o:Order) MATCH (s:Shipper {shipperID: o.shipVia}) CREATE (o)-[:SHIPPED_VIA]->(s)');
  await database.runStatement('MATCH (e:Employee) WHERE e.reportsTo IS NOT NULL MATCH (m:Employee {employeeID: e.reportsTo}) CREATE (e)-[:REPORTS_TO]->(m)');
  await database.runStatement(
    'UNWIND $rows AS row MATCH (o:Order {orderID: row.orderID}) MATCH (p:Product {productID: row.productID}) CREATE (o)-[:ORDERS {quantity: row.quantity, unitPrice: row.unitPrice, discount: row.discount}]->(p)',
    { rows: read('order-details.csv') },
  );
}

/** Drops what loadNorthwind created besides data: its indexes. */
export async function dropNorthwindIndexes(database: Database): Promise<void> {
  for (const key of ['categoryID', 'productID', 'supplierID', 'customerID', 'employeeID', 'orderID', 'shipperID']) {
    await database.runStatement(`DROP INDEX northwind_${key} IF EXISTS`);
  }
}
