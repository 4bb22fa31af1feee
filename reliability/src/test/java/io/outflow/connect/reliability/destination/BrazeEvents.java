package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.braze.BrazeEvent;
import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Braze custom events (append): every record is an event with its own {@code event_id}. Braze never deduplicates,
 * so an event recorded twice is a duplicate delivery, counted exactly.
 */
public final class BrazeEvents implements DestinationUnderTest {
    private static final Instant BASE = Instant.parse("2026-01-15T10:00:00Z");

    @Override
    public String name() {
        return "braze-events";
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
        return false;
    }

    @Override
    public UpdateStream stream(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "e-" + i, (user, n) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("name", "score_changed");
            value.put("time", BASE.plusSeconds(n).toString());
            value.put("event_id", user + "/" + n);
            value.put("seq", n);
            return value;
        });
    }

    @Override
    public List<ProducerRecordSpec> invalidRecords(int count) {
        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Braze answers "'time' is not valid" for this event.
            records.add(ProducerRecordSpec.json("bad-" + i, Map.of("name", "score_changed", "time", "15/01/2026",
                    "event_id", "bad-" + i, "seq", 0)));
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
                .build().start(), "events") {
            @Override
            public Map<String, String> connectorConfig() {
                Map<String, String> config = super.connectorConfig();
                config.put("sync.mode", "append");
                return config;
            }

            @Override
            public Map<String, Integer> held() {
                Map<String, Integer> held = new LinkedHashMap<>();
                for (BrazeEvent event : fake().events()) {
                    held.merge(String.valueOf(event.properties().get("event_id")), 1, Integer::sum);
                }
                return held;
            }

            @Override
            public Map<String, Integer> writes() {
                return held();
            }
        };
    }
}
