/** Reading a sandbox state file as another process would: a connection of its own sees committed data only. */
import Database from "better-sqlite3";

/** The document `id` of a collection as the file holds it (parsed), or undefined. */
export function committedDocument<T>(
  file: string,
  collection: { scope: string; kind: string },
  id: string,
): T | undefined {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare("SELECT body FROM docs WHERE scope = ? AND kind = ? AND id = ?")
      .get(collection.scope, collection.kind, id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as T) : undefined;
  } finally {
    db.close();
  }
}
