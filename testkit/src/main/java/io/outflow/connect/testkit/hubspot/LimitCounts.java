package io.outflow.connect.testkit.hubspot;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** How many 429s the fake's own limits answered, by policy (injected 429 faults are counted by the injector). */
final class LimitCounts {

    private final Map<HubSpotLimit, AtomicLong> counts = new EnumMap<>(HubSpotLimit.class);

    LimitCounts() {
        for (HubSpotLimit limit : HubSpotLimit.values()) {
            counts.put(limit, new AtomicLong());
        }
    }

    void record(HubSpotLimit limit) {
        counts.get(limit).incrementAndGet();
    }

    long count(HubSpotLimit limit) {
        return counts.get(limit).get();
    }

    Map<HubSpotLimit, Long> snapshot() {
        Map<HubSpotLimit, Long> copy = new EnumMap<>(HubSpotLimit.class);
        counts.forEach((limit, n) -> copy.put(limit, n.get()));
        return copy;
    }

    void reset() {
        counts.values().forEach(n -> n.set(0));
    }
}
