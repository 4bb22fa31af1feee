package io.outflow.connect.braze;

import io.outflow.connect.testkit.braze.BrazeEvent;
import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.braze.BrazePurchase;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.http.FaultPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Braze connector recording events and purchases (sync.mode=append) on a real Connect worker: every event
 * arrives under seeded faults with duplicates bounded by what the fake applied before dropping the connection,
 * a partial success dead-letters only the bad events, and purchases arrive mapped and typed.
 */
class BrazeEventsIT {
    private static final Logger log = LoggerFactory.getLogger(BrazeEventsIT.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String REASON = "__connect.errors.exception.message";

    private static ConnectTestCluster cluster;
    private BrazeFake braze;

    @BeforeAll
    static void startCluster() {
        cluster = ConnectTestCluster.startDefault();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopFake() {
        if (braze != null) {
            braze.close();
        }
    }

    /** A fresh topic, DLQ topic and connector name for each test. */
    private static final class Run {
        final String name = "braze-events-" + RUN.incrementAndGet();
        final String topic = name + "-in";
        final String dlq = name + "-dlq";
    }

    private Run setUp(int partitions) {
        Run run = new Run();
        cluster.createTopic(run.topic, partitions);
        cluster.createTopic(run.dlq, 1);
        return run;
    }

    /** One task: a rebalance between tasks would resend delivered but uncommitted events, which no fake counts. */
    private Map<String, String> config(Run run, String recordType) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", BrazeSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", run.topic);
        config.put("braze.api.url", braze.baseUrl());
        config.put("braze.api.key", BrazeFake.DEFAULT_API_KEY);
        config.put("braze.record.type", recordType);
        config.put("sync.mode", "append");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", run.dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put("linger.ms", "20");
        config.put("retry.backoff.ms", "20");
        config.put("retry.backoff.max.ms", "300");
        config.put("http.response.timeout.ms", "1000");
        return config;
    }

    private static Map<String, Object> event(String id, String name, Object time) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", name);
        value.put("time", time);
        value.put("event_id", id);
        return value;
    }

    private static String eventId(BrazeEvent event) {
        return String.valueOf(event.properties().get("event_id"));
    }

    private static Map<String, String> reasonsByKey(List<ConsumedRecord> dead) {
        return dead.stream().collect(Collectors.toMap(ConsumedRecord::key, r -> String.valueOf(r.header(REASON))));
    }

    @Test
    void everyEventArrivesUnderSeededFaultsWithDuplicatesBoundedByAppliedThenDropped() {
        braze = BrazeFake.builder()
                .faults(FaultPlan.builder().http500(0.05).http503(0.05).rateLimited(0.03).slow(0.02)
                        .slowDelayMs(200).dropBeforeApply(0.05).dropAfterApply(0.05).build())
                .seed(11)
                .build().start();
        Run run = setUp(2);
        int batch = 20;
        Map<String, String> config = config(run, "events");
        config.put("batch.max.records", Integer.toString(batch));
        // A response timeout on a request Braze applied would be a duplicate the fake cannot count: leave room.
        config.put("http.response.timeout.ms", "5000");
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            String id = "e-" + i;
            ids.add(id);
            records.add(ProducerRecordSpec.json("user-" + (i % 40), event(id, "score_changed",
                    Instant.parse("2026-01-15T10:00:00Z").plusSeconds(i).toString())));
        }
        cluster.produceJson(run.topic, records);

        Await.until("every event arrives", TIMEOUT,
                () -> braze.events().stream().map(BrazeEventsIT::eventId).collect(Collectors.toSet()).equals(ids));
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        List<BrazeEvent> events = braze.events();
        long duplicates = events.size() - ids.size();
        long bound = braze.appliedThenDropped() * batch;
        log.info("{} events for {} records: {} duplicates, {} requests applied then dropped, faults {}",
                events.size(), ids.size(), duplicates, braze.appliedThenDropped(), braze.faults().counts());
        assertTrue(duplicates <= bound, duplicates + " duplicates, but the fake applied and then dropped only "
                + braze.appliedThenDropped() + " requests of at most " + batch + " events");
        assertTrue(braze.faults().totalInjected() > 0, "faults were injected");
        assertEquals("user-7", events.stream().filter(e -> "e-7".equals(eventId(e))).findFirst().orElseThrow()
                .externalId());
        assertTrue(cluster.dlqRecords(run.dlq, 0, Duration.ofSeconds(2)).isEmpty(), "the DLQ is empty");
        cluster.deleteConnector(run.name);
    }

    @Test
    void aPartialSuccessDeadLettersOnlyTheBadEventsAndRecordsTheOthersOnce() {
        braze = BrazeFake.builder().build().start();
        Run run = setUp(1);
        cluster.configureConnector(run.name, config(run, "events"));
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(ProducerRecordSpec.json("user-" + i, event("good-" + i, "renewed", "2026-01-15T10:00:00Z")));
        }
        records.add(ProducerRecordSpec.json("bad-time", event("bad-time", "renewed", "15/01/2026")));
        records.add(ProducerRecordSpec.json("epoch-time", event("epoch-time", "renewed", 1768471200000L)));
        Map<String, Object> nameless = event("nameless", "renewed", "2026-01-15T10:00:00Z");
        nameless.remove("name");
        records.add(ProducerRecordSpec.json("nameless", nameless));
        records.add(ProducerRecordSpec.json(null, event("no-user", "renewed", "2026-01-15T10:00:00Z")));
        cluster.produceJson(run.topic, records);

        Map<String, String> reasons = new HashMap<>();
        cluster.dlqRecords(run.dlq, 4, TIMEOUT).forEach(r -> reasons.put(String.valueOf(r.key()),
                String.valueOf(r.header(REASON))));
        assertEquals(Set.of("bad-time", "epoch-time", "nameless", "null"), reasons.keySet());
        assertTrue(reasons.get("bad-time").contains("Braze refused the record")
                && reasons.get("bad-time").contains("'time' is not valid"), reasons.get("bad-time"));
        assertTrue(reasons.get("epoch-time").contains("field 'time'"), reasons.get("epoch-time"));
        assertTrue(reasons.get("nameless").contains("field 'name'"), reasons.get("nameless"));
        assertTrue(reasons.get("null").contains("no key"), reasons.get("null"));

        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        List<BrazeEvent> events = braze.events();
        assertEquals(20, events.size(), "each accepted event recorded once, never resent");
        assertEquals(20, events.stream().map(BrazeEventsIT::eventId).distinct().count());
        cluster.deleteConnector(run.name);
    }

    @Test
    void purchasesArriveMappedAndTypedAndBrazesRefusalsAreDeadLettered() {
        braze = BrazeFake.builder().build().start();
        Run run = setUp(1);
        Map<String, String> config = config(run, "purchases");
        config.put("field.mapping", "sku:product_id,amount:price,ccy:currency,bought_at:time");
        config.put("field.types", "amount:decimal,bought_at:timestamp");
        cluster.configureConnector(run.name, config);
        cluster.awaitConnectorRunning(run.name, 1, TIMEOUT);

        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(ProducerRecordSpec.json("user-" + i, Map.of("sku", "plan-pro", "amount", "49.90", "ccy", "EUR",
                    "quantity", 1 + i % 3, "bought_at", 1768471200000L + i, "channel", "web")));
        }
        records.add(ProducerRecordSpec.json("bad-currency", Map.of("sku", "plan-pro", "amount", "49.90", "ccy", "EURO",
                "bought_at", 1768471200000L)));
        cluster.produceJson(run.topic, records);

        Map<String, String> reasons = reasonsByKey(cluster.dlqRecords(run.dlq, 1, TIMEOUT));
        assertEquals(Set.of("bad-currency"), reasons.keySet());
        assertTrue(reasons.get("bad-currency").contains("'currency' is not valid"), reasons.get("bad-currency"));
        Await.until("ten purchases", TIMEOUT, () -> braze.purchases().size() == 10);
        BrazePurchase purchase = braze.purchases("user-4").get(0);
        assertEquals("plan-pro", purchase.productId());
        assertEquals("EUR", purchase.currency());
        assertEquals(49.90, purchase.price(), 1e-9);
        assertEquals(2, purchase.quantity());
        assertEquals(Instant.ofEpochMilli(1768471200004L).toString(), purchase.sentTime());
        assertEquals("web", purchase.properties().get("channel"));
        cluster.awaitCommittedOffsetsReachEnd(run.name, run.topic, TIMEOUT);
        cluster.deleteConnector(run.name);
    }
}
