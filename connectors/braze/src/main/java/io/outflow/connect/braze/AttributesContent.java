package io.outflow.connect.braze;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user attributes object: every field is an attribute (a profile field such as {@code first_name} or a custom
 * attribute; null removes it), and {@code _update_existing_only} is always written. It is false by default for
 * external_id and true for user aliases (destinations.md, Braze appendix), so writing it makes sync.mode mean the
 * same for every identifier: upsert creates users, update never does.
 */
final class AttributesContent implements TrackContent {
    private final Identity identity;
    private final boolean updateOnly;

    AttributesContent(Identity identity, boolean updateOnly) {
        this.identity = identity;
        this.updateOnly = updateOnly;
    }

    @Override
    public Map<String, Object> content(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_update_existing_only", updateOnly);
        fields.forEach((name, value) -> {
            if (!identity.isIdentifying(name)) {
                out.put(name, value);
            }
        });
        return out;
    }
}
