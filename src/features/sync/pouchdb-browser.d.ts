// The parts of pouchdb-browser (which ships no types) the sync bridge uses.
declare module 'pouchdb-browser' {
  interface Doc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    _conflicts?: string[];
    [field: string]: unknown;
  }
  interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    errors: Array<{ status?: number; name?: string; message?: string; reason?: string; id?: string }>;
    last_seq?: number | string;
  }
  interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
    filter?: string;
    /** Only these documents. */
    doc_ids?: string[];
    query_params?: Record<string, string>;
    retry?: boolean;
  }
  interface Change {
    id: string;
    seq: number | string;
    deleted?: boolean;
    doc?: Doc;
  }
  interface Database {
    info(): Promise<{ update_seq: number | string; doc_count: number }>;
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<Doc>;
    bulkDocs(docs: Doc[]): Promise<Array<{ ok?: boolean; id?: string; error?: string; status?: number }>>;
    allDocs(options: {
      keys?: string[];
      startkey?: string;
      endkey?: string;
      include_docs?: boolean;
      conflicts?: boolean;
    }): Promise<{
      rows: Array<{
        id: string;
        key: string;
        value?: { rev: string; deleted?: boolean };
        doc?: Doc | null;
        error?: string;
      }>;
    }>;
    changes(options: {
      since?: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      filter?: (doc: Doc) => boolean;
    }): Promise<{ results: Change[]; last_seq: number | string }>;
    replicate: {
      from(source: Database, options?: ReplicateOptions): Promise<ReplicationResult> & { cancel(): void };
      to(target: Database, options?: ReplicateOptions): Promise<ReplicationResult> & { cancel(): void };
    };
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  interface PouchDBStatic {
    new (
      name: string,
      options?: {
        auth?: { username: string; password: string };
        skip_setup?: boolean;
        auto_compaction?: boolean;
        fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
      },
    ): Database;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
  export type { Database, Doc, ReplicationResult };
}
