package io.outflow.connect.testkit.connect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * A stream of updates over many keys, each key updated several times with an increasing sequence number and the
 * updates of different keys interleaved (seeded), as a warehouse sync produces them. Records are keyed by the key,
 * so a key's updates share a partition; {@link #lastValues()} is what the destination must hold at the end.
 */
public final class UpdateStream {
    private final List<ProducerRecordSpec> records;
    private final Map<String, Map<String, Object>> lastValues;

    private UpdateStream(List<ProducerRecordSpec> records, Map<String, Map<String, Object>> lastValues) {
        this.records = records;
        this.lastValues = lastValues;
    }

    /**
     * @param keys          how many keys
     * @param updatesPerKey how many updates each key gets
     * @param seed          the interleaving's seed
     * @param keyName       the key of the i-th key, e.g. {@code i -> "user" + i + "@example.com"}
     * @param value         the value of a key's n-th update (n from 0); must differ between updates
     */
    public static UpdateStream generate(int keys, int updatesPerKey, long seed,
                                        java.util.function.IntFunction<String> keyName,
                                        BiFunction<String, Integer, Map<String, Object>> value) {
        List<String> slots = new ArrayList<>(keys * updatesPerKey);
        for (int k = 0; k < keys; k++) {
            for (int n = 0; n < updatesPerKey; n++) {
                slots.add(keyName.apply(k));
            }
        }
        Collections.shuffle(slots, new Random(seed));
        Map<String, Integer> next = new LinkedHashMap<>();
        Map<String, Map<String, Object>> last = new LinkedHashMap<>();
        List<ProducerRecordSpec> records = new ArrayList<>(slots.size());
        for (String key : slots) {
            int n = next.merge(key, 1, Integer::sum) - 1;
            Map<String, Object> v = value.apply(key, n);
            records.add(ProducerRecordSpec.json(key, v));
            last.put(key, v);
        }
        return new UpdateStream(records, last);
    }

    public List<ProducerRecordSpec> records() {
        return records;
    }

    /** The first {@code n} records (to produce a stream in parts, around a restart or rebalance). */
    public List<ProducerRecordSpec> head(int n) {
        return records.subList(0, n);
    }

    public List<ProducerRecordSpec> tail(int from) {
        return records.subList(from, records.size());
    }

    public int size() {
        return records.size();
    }

    /** Key → the value of its last update. */
    public Map<String, Map<String, Object>> lastValues() {
        return lastValues;
    }
}
