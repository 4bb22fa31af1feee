package io.outflow.connect.benchmarks;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.http.FakeHttpServer;
import io.outflow.connect.testkit.http.RequestLog;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import io.outflow.connect.testkit.zendesk.ZendeskFake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the harness knows of each connector: its class and minimal configuration, its documented defaults (batch
 * cap, batches in flight, rate limit) that the targets are computed from, and how to start the testkit's full fake
 * of it for the rate-limit measurement.
 */
enum Vendor {
    HUBSPOT("HubSpot", "h", "io.outflow.connect.hubspot.HubSpotSinkConnector", 100, 8, 100, 10_000),
    ZENDESK("Zendesk", "z", "io.outflow.connect.zendesk.ZendeskSinkConnector", 100, 5, 200, 60_000),
    BRAZE("Braze", "b", "io.outflow.connect.braze.BrazeSinkConnector", 75, 8, 3000, 3_000);

    /**
     * Braze's limit in the rate-limit measurement: scaled down from 3,000 per 3 s so that it, not the CPU, is the
     * ceiling (750 records/s). 100 per 10 s rather than 30 per 3 s: the engine keeps at least one request per window
     * in reserve, which would be 3.3% of a 30-request window but is 1% here, as at Braze's real limit.
     */
    static final int BRAZE_SCALED_LIMIT = 100;
    static final long BRAZE_SCALED_WINDOW_MS = 10_000;

    final String displayName;
    final String shortName;
    final String connectorClass;
    final int batchCap;
    final int defaultInFlight;
    final int defaultRateRequests;
    final long defaultRateWindowMs;

    Vendor(String displayName, String shortName, String connectorClass, int batchCap, int defaultInFlight,
           int defaultRateRequests, long defaultRateWindowMs) {
        this.displayName = displayName;
        this.shortName = shortName;
        this.connectorClass = connectorClass;
        this.batchCap = batchCap;
        this.defaultInFlight = defaultInFlight;
        this.defaultRateRequests = defaultRateRequests;
        this.defaultRateWindowMs = defaultRateWindowMs;
    }

    /** The connector's configuration against a destination at {@code baseUrl}, everything else at its default. */
    Map<String, String> config(String baseUrl, String topic, int tasks) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", connectorClass);
        c.put("topics", topic);
        c.put("tasks.max", Integer.toString(tasks));
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "false");
        switch (this) {
            case HUBSPOT -> {
                c.put("hubspot.api.url", baseUrl);
                c.put("hubspot.access.token", HubSpotFake.DEFAULT_ACCESS_TOKEN);
                c.put("hubspot.object.type", "contacts");
                c.put("hubspot.id.property", "email");
                c.put("field.mapping", "full_name:firstname");
            }
            case ZENDESK -> {
                c.put("zendesk.api.url", baseUrl);
                c.put("zendesk.email", ZendeskFake.DEFAULT_EMAIL);
                c.put("zendesk.api.token", ZendeskFake.DEFAULT_API_TOKEN);
                c.put("zendesk.object.type", "users");
                c.put("zendesk.match.key", "external_id");
                c.put("field.mapping", "full_name:name");
            }
            case BRAZE -> {
                c.put("braze.api.url", baseUrl);
                c.put("braze.api.key", BrazeFake.DEFAULT_API_KEY);
                c.put("braze.record.type", "attributes");
                c.put("braze.identifier", "external_id");
                c.put("field.mapping", "full_name:first_name");
            }
            default -> throw new IllegalStateException();
        }
        return c;
    }

    /** Requests one full batch costs at the destination: Zendesk's job needs a submit and at least one status read. */
    int requestsPerBatch() {
        return this == ZENDESK ? 2 : 1;
    }

    /**
     * Records per second a rate limit of {@code requests} per {@code windowMs} allows with full batches: the
     * physical ceiling of one account.
     */
    double ceiling(int requests, long windowMs) {
        return requests * 1000.0 / windowMs * batchCap / requestsPerBatch();
    }

    /** The testkit's full fake of this destination at its documented rate limit (Braze's scaled down). */
    RealFake startRealFake() {
        switch (this) {
            case HUBSPOT -> {
                HubSpotFake fake = HubSpotFake.builder().build().start();
                return new RealFake(fake.baseUrl(), fake.server(), fake::close, 100, 10_000);
            }
            case ZENDESK -> {
                ZendeskFake fake = ZendeskFake.builder().build().start();
                return new RealFake(fake.baseUrl(), fake.server(), fake::close, 200, 60_000);
            }
            case BRAZE -> {
                BrazeFake fake = BrazeFake.builder().rateLimit(BRAZE_SCALED_LIMIT, BRAZE_SCALED_WINDOW_MS).build().start();
                return new RealFake(fake.baseUrl(), fake.server(), fake::close, BRAZE_SCALED_LIMIT,
                        BRAZE_SCALED_WINDOW_MS);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** One of the testkit's vendor fakes, as the rate-limit measurement sees it. */
    record RealFake(String baseUrl, FakeHttpServer server, Runnable closer, int limit, long windowMs)
            implements AutoCloseable {
        RequestLog requestLog() {
            return server.requestLog();
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
