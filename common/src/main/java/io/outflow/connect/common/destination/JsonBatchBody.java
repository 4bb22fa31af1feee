package io.outflow.connect.common.destination;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds a batch request body from items already encoded as JSON: {@code prefix item,item,... suffix}, e.g.
 * {@code {"inputs":[} ... {@code ]}}. Items are copied, never re-encoded, so a retry costs no conversion.
 */
public final class JsonBatchBody {
    private JsonBatchBody() {
    }

    public static byte[] of(String prefix, List<Item> items, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        int size = head.length + tail.length + Math.max(0, items.size() - 1);
        for (Item item : items) {
            size += item.sizeBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(head);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i).json());
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }
}
