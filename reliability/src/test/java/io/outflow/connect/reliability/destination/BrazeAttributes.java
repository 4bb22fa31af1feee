package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Braze user attributes upserted by external id. Every update also sends {@code "writes": {"inc": 1}}, Braze's
 * increment of a custom attribute, so each profile counts the updates applied to it: the fake's per-key write count.
 */
public final class BrazeAttributes implements DestinationUnderTest {

    @Override
    public String name() {
        return "braze-attributes";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String connectorClass() {
        return "io.outflow.connect.braze.BrazeSinkConnector";
    }

    @Override
    public boolean keyed() {
        return true;
    }

    @Override
    public UpdateStream stream(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "b-" + i,
                (key, n) -> Map.of("seq", n, "plan", "plan-" + n, "writes", Map.of("inc", 1)));
    }

    @Override
    public List<ProducerRecordSpec> invalidRecords(int count) {
        List<ProducerRecordSpec> records = new ArrayList<>();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tooMany.add("tag-" + i);
        }
        for (int i = 0; i < count; i++) {
            // An array attribute over Braze's 25 items: a per-object error.
            records.add(ProducerRecordSpec.json("bad-" + i, Map.of("seq", 0, "tags", tooMany)));
        }
        return records;
    }

    @Override
    public String credentialKey() {
        return "braze.api.key";
    }

    @Override
    public FakeDestination start(FakeOptions options) {
        return new BrazeFakeDestination(BrazeFake.builder()
                .faults(options.plan()).seed(options.seed()).port(options.port()).latencyMs(options.latencyMs())
                .build().start(), "attributes") {
            @Override
            public Map<String, Integer> held() {
                Map<String, Integer> held = new LinkedHashMap<>();
                fake().users().forEach((key, attributes) -> {
                    Object seq = attributes.get("seq");
                    held.put(key, seq instanceof Number ? ((Number) seq).intValue() : -1);
                });
                return held;
            }

            @Override
            public Map<String, Integer> writes() {
                Map<String, Integer> writes = new LinkedHashMap<>();
                fake().users().forEach((key, attributes) -> {
                    Object n = attributes.get("writes");
                    writes.put(key, n instanceof Number ? ((Number) n).intValue() : 0);
                });
                return writes;
            }
        };
    }
}
