import { type Kysely, sql } from 'kysely';

// A workspace sets itself up: clients gain a time zone, contacts and an archive mark; suppliers and
// their factories become records of their own (a factory has its location and time zone, which give a
// new program its default calendar), and a program names its product, its factory and whether it is
// archived. The supplier, city, country and zone stay on the program too: they are the program's own
// (its calendar and "today" are the program's), set from the factory when the program is made.
//
// Existing programs keep working: each distinct supplier becomes a supplier record, each distinct
// (supplier, city, country, zone) a factory, and every program points at its factory.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('clients')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();
  await db.schema
    .alterTable('clients')
    .addColumn('contacts', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('clients').addColumn('archived_at', 'text').execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suppliers_name_uq').on('suppliers').column('name').unique().execute();

  await db.schema
    .createTable('factories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('factories_supplier_name_uq').on('factories').columns(['supplier_id', 'name']).unique().execute();

  await db.schema
    .alterTable('programs')
    .addColumn('product', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('programs').addColumn('factory_id', 'text').execute();
  await db.schema.alterTable('programs').addColumn('archived_at', 'text').execute();
  await db.schema.createIndex('programs_factory_idx').on('programs').column('factory_id').execute();

  // Suppliers and factories of the programs that exist. Ids are derived from the names (stable, unique,
  // the same in both dialects); the change log has no rows for them: they were there before it knew them.
  const now = new Date().toISOString();
  const rows = await sql<{
    supplier_name: string;
    factory_city: string;
    factory_country: string;
    time_zone: string;
  }>`select distinct supplier_name, factory_city, factory_country, time_zone from programs order by supplier_name, factory_city, factory_country, time_zone`.execute(
    db,
  );
  const suppliers = new Map<string, string>();
  const factoryNames = new Set<string>();
  let n = 0;
  for (const r of rows.rows) {
    let supplierId = suppliers.get(r.supplier_name);
    if (supplierId === undefined) {
      supplierId = `sup-${String(suppliers.size + 1).padStart(4, '0')}`;
      suppliers.set(r.supplier_name, supplierId);
      await sql`insert into suppliers (id, name, country, created_at, updated_at, version) values (${supplierId}, ${r.supplier_name}, ${r.factory_country}, ${now}, ${now}, 1)`.execute(
        db,
      );
    }
    n += 1;
    const factoryId = `fac-${String(n).padStart(4, '0')}`;
    // A factory is named by its city; a supplier's second factory in one city gets a number.
    let name = r.factory_city;
    for (let i = 2; factoryNames.has(`${supplierId} ${name}`); i++) name = `${r.factory_city} ${i}`;
    factoryNames.add(`${supplierId} ${name}`);
    await sql`insert into factories (id, supplier_id, name, city, country, time_zone, created_at, updated_at, version) values (${factoryId}, ${supplierId}, ${name}, ${r.factory_city}, ${r.factory_country}, ${r.time_zone}, ${now}, ${now}, 1)`.execute(
      db,
    );
    await sql`update programs set factory_id = ${factoryId} where supplier_name = ${r.supplier_name} and factory_city = ${r.factory_city} and factory_country = ${r.factory_country} and time_zone = ${r.time_zone}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('programs_factory_idx').execute();
  await db.schema.alterTable('programs').dropColumn('archived_at').execute();
  await db.schema.alterTable('programs').dropColumn('factory_id').execute();
  await db.schema.alterTable('programs').dropColumn('product').execute();
  await db.schema.dropTable('factories').execute();
  await db.schema.dropTable('suppliers').execute();
  await db.schema.alterTable('clients').dropColumn('archived_at').execute();
  await db.schema.alterTable('clients').dropColumn('contacts').execute();
  await db.schema.alterTable('clients').dropColumn('time_zone').execute();
}
