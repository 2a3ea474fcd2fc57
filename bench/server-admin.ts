import pg from 'pg';

/** Runs one statement on the server's maintenance database (CREATE / DROP / ALTER DATABASE of a bench). */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
