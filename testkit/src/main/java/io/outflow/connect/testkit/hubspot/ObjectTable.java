package io.outflow.connect.testkit.hubspot;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The objects of one type, by internal id, with an index per property that has been looked up by, so an
 * upsert matches in constant time however many objects a benchmark stored. Not thread-safe (see CrmStore).
 */
final class ObjectTable {

    private final Map<String, CrmObject> byId = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> indexes = new HashMap<>();

    /** The object whose {@code property} has this stored value; the internal id for {@code hs_object_id}. */
    CrmObject find(String property, String storedValue) {
        if (CrmObject.OBJECT_ID.equals(property)) {
            return byId.get(storedValue);
        }
        String id = indexes.computeIfAbsent(property, this::buildIndex).get(storedValue);
        return id == null ? null : byId.get(id);
    }

    CrmObject get(String id) {
        return byId.get(id);
    }

    void add(CrmObject object) {
        byId.put(object.id(), object);
        indexes.forEach((property, index) -> {
            String value = object.value(property);
            if (value != null) {
                index.putIfAbsent(value, object.id());
            }
        });
    }

    /** Re-indexes {@code object} after a change; {@code before} are its properties before the change. */
    void changed(CrmObject object, Map<String, String> before) {
        indexes.forEach((property, index) -> {
            String old = before.get(property);
            String now = object.value(property);
            if (!Objects.equals(old, now)) {
                if (old != null) {
                    index.remove(old, object.id());
                }
                if (now != null) {
                    index.putIfAbsent(now, object.id());
                }
            }
        });
    }

    CrmObject remove(String id) {
        CrmObject removed = byId.remove(id);
        if (removed != null) {
            indexes.forEach((property, index) -> {
                String value = removed.value(property);
                if (value != null) {
                    index.remove(value, id);
                }
            });
        }
        return removed;
    }

    Collection<CrmObject> objects() {
        return byId.values();
    }

    private Map<String, String> buildIndex(String property) {
        Map<String, String> index = new HashMap<>();
        byId.values().forEach(object -> {
            String value = object.value(property);
            if (value != null) {
                index.putIfAbsent(value, object.id());
            }
        });
        return index;
    }
}
