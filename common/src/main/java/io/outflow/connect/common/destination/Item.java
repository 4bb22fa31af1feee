package io.outflow.connect.common.destination;

/**
 * One record as an operation will send it: its key as sent (the operation's choice; may be null) and the JSON bytes
 * the operation encoded for it, ready to be placed into a request body. Encoded once, on the task thread, so the
 * size is known for byte-based batching and a retry never re-encodes. (The engine deduplicates and orders by the
 * normalised key it keeps beside the item, not by this one.)
 */
public final class Item {
    private final String key;
    private final byte[] json;
    private final Object attachment;

    public Item(String key, byte[] json) {
        this(key, json, null);
    }

    /** @param attachment anything else the operation needs when building the request (e.g. an identifier type) */
    public Item(String key, byte[] json, Object attachment) {
        this.key = key;
        this.json = json == null ? new byte[0] : json;
        this.attachment = attachment;
    }

    public String key() {
        return key;
    }

    public byte[] json() {
        return json;
    }

    public int sizeBytes() {
        return json.length;
    }

    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    @Override
    public String toString() {
        // Never the JSON: it holds record values.
        return "Item(" + json.length + " bytes)";
    }
}
