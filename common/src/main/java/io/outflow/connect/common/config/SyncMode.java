package io.outflow.connect.common.config;

/** How records with a value are written ({@code sync.mode}); each destination supports some of these. */
public enum SyncMode {
    /** Create the object or update it, matched on the key. */
    UPSERT,
    /** Update objects that exist; never create one. */
    UPDATE,
    /** Create objects; never update one. */
    INSERT,
    /** Record every record as an event: no deduplication, every record sent in offset order. */
    APPEND;

    /** Keyed modes deduplicate by key and keep a key's updates in order. */
    public boolean keyed() {
        return this != APPEND;
    }
}
