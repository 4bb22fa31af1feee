package io.outflow.connect.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.FakeHttpServer;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A destination that only acknowledges: the vendor's write path answered with its success shape, without parsing
 * the body, so the fake's CPU stays small and the connector is what is measured. Built on the testkit's
 * {@link FakeHttpServer}, so latency, a rate window and seeded faults are configurable exactly as on the full fakes.
 * <ul>
 *   <li>HubSpot: {@code POST /crm/v3/objects/{type}/batch/upsert} → 200 {@code {"status":"COMPLETE",..}} (every input
 *   written).</li>
 *   <li>Braze: {@code POST /users/track} → 201 {@code {"message":"success"}}.</li>
 *   <li>Zendesk: {@code POST /api/v2/users/create_or_update_many} → a queued job; {@code GET
 *   /api/v2/job_statuses/{id}} → that job completed with one {@code "success":true} result per input, the inputs
 *   counted with {@link InputCounter} at submit. Records count as acknowledged when the completed job is read, as
 *   the connector counts them delivered only then.</li>
 * </ul>
 * In {@link Mode#RECORD} it also parses each body and records, per key, when it stored it and how long after the
 * {@code sent_at} the value carries (milliseconds since the epoch, put there by the producer): the end-to-end
 * measurement. Zendesk's users count as stored when their job is queued.
 */
final class AckServer implements AutoCloseable {
    enum Mode { ACK, RECORD }

    private static final byte[] HUBSPOT_OK = ("{\"status\":\"COMPLETE\",\"results\":[],"
            + "\"startedAt\":\"2026-01-01T00:00:00.000Z\",\"completedAt\":\"2026-01-01T00:00:00.001Z\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BRAZE_OK = "{\"message\":\"success\"}".getBytes(StandardCharsets.UTF_8);

    private final Vendor vendor;
    private final Mode mode;
    private final FakeHttpServer server;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong jobIds = new AtomicLong(1000);
    private final Map<String, Integer> jobs = new ConcurrentHashMap<>();
    private final Map<Integer, byte[]> jobResults = new ConcurrentHashMap<>();
    private final LatencyRecorder recorder = new LatencyRecorder();
    private final FakeResponse hubspotOk = json(200, HUBSPOT_OK);
    private final FakeResponse brazeOk = json(201, BRAZE_OK);

    private AckServer(Vendor vendor, Mode mode, long latencyMs, int rateLimit, long rateWindowMs, FaultPlan faults) {
        this.vendor = vendor;
        this.mode = mode;
        FakeHttpServer.Builder b = FakeHttpServer.builder("ack-" + vendor.name().toLowerCase(java.util.Locale.ROOT))
                .latencyMs(latencyMs)
                .faults(faults);
        if (rateLimit > 0) {
            b.rateLimit(rateLimit, rateWindowMs);
        }
        switch (vendor) {
            case HUBSPOT -> b.faultableRoute("POST", "/crm/v3/objects/{objectType}/batch/upsert", this::hubspot);
            case BRAZE -> b.faultableRoute("POST", "/users/track", this::braze);
            case ZENDESK -> b.faultableRoute("POST", "/api/v2/users/create_or_update_many", this::zendeskSubmit)
                    .faultableRoute("GET", "/api/v2/job_statuses/{id}", this::zendeskJob);
            default -> throw new IllegalStateException();
        }
        this.server = b.build();
    }

    /** The faults every acknowledging fake injects (the --faults option); none by default. */
    private static volatile FaultPlan defaultFaults = FaultPlan.none();

    static void defaultFaults(FaultPlan plan) {
        defaultFaults = plan;
    }

    static AckServer start(Vendor vendor, Mode mode, long latencyMs) {
        return start(vendor, mode, latencyMs, 0, 0, defaultFaults);
    }

    static AckServer start(Vendor vendor, Mode mode, long latencyMs, int rateLimit, long rateWindowMs,
                           FaultPlan faults) {
        AckServer ack = new AckServer(vendor, mode, latencyMs, rateLimit, rateWindowMs, faults);
        ack.server.start();
        return ack;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Records answered as written (Zendesk: as completed in a job read). */
    long acknowledged() {
        return acknowledged.get();
    }

    long requests() {
        return requests.get();
    }

    LatencyRecorder recorder() {
        return recorder;
    }

    FakeHttpServer server() {
        return server;
    }

    private FakeResponse hubspot(FakeRequest request) {
        requests.incrementAndGet();
        byte[] body = request.body();
        acknowledged.addAndGet(InputCounter.countArrayObjects(body));
        if (mode == Mode.RECORD) {
            record(body, "inputs", "id");
        }
        return hubspotOk;
    }

    private FakeResponse braze(FakeRequest request) {
        requests.incrementAndGet();
        byte[] body = request.body();
        acknowledged.addAndGet(InputCounter.countArrayObjects(body));
        if (mode == Mode.RECORD) {
            record(body, "attributes", "external_id");
        }
        return brazeOk;
    }

    private FakeResponse zendeskSubmit(FakeRequest request) {
        requests.incrementAndGet();
        byte[] body = request.body();
        int inputs = InputCounter.countArrayObjects(body);
        if (mode == Mode.RECORD) {
            record(body, "users", "external_id");
        }
        String id = "J" + jobIds.incrementAndGet();
        jobs.put(id, inputs);
        String answer = "{\"job_status\":{\"id\":\"" + id + "\",\"url\":\"" + server.baseUrl()
                + "/api/v2/job_statuses/" + id + ".json\",\"total\":" + inputs
                + ",\"progress\":null,\"status\":\"queued\",\"message\":null,\"results\":null}}";
        return json(200, answer.getBytes(StandardCharsets.UTF_8));
    }

    private FakeResponse zendeskJob(FakeRequest request) {
        requests.incrementAndGet();
        String id = request.pathParam("id");
        if (id.endsWith(".json")) {
            id = id.substring(0, id.length() - 5);
        }
        Integer inputs = jobs.remove(id);
        if (inputs == null) {
            return FakeResponse.error(404, "RecordNotFound", "Not found");
        }
        acknowledged.addAndGet(inputs);
        byte[] results = jobResults.computeIfAbsent(inputs, AckServer::zendeskResults);
        byte[] head = ("{\"job_status\":{\"id\":\"" + id + "\",\"total\":" + inputs + ",\"progress\":" + inputs
                + ",\"status\":\"completed\",\"message\":\"Completed at 2026-01-01 00:00:00 +0000\",\"results\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] answer = Arrays.copyOf(head, head.length + results.length + 2);
        System.arraycopy(results, 0, answer, head.length, results.length);
        answer[answer.length - 2] = '}';
        answer[answer.length - 1] = '}';
        return json(200, answer);
    }

    private static byte[] zendeskResults(int n) {
        StringBuilder s = new StringBuilder(n * 48).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"index\":").append(i).append(",\"id\":").append(10_000 + i)
                    .append(",\"action\":\"update\",\"status\":\"Updated\",\"success\":true}");
        }
        return s.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void record(byte[] body, String array, String keyField) {
        long now = System.currentTimeMillis();
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException e) {
            return;
        }
        for (JsonNode input : root.path(array)) {
            String key = input.path(keyField).asText(null);
            long sentAt = findSentAt(input);
            if (key != null && sentAt > 0) {
                recorder.stored(key, sentAt, now);
            }
        }
    }

    /** The {@code sent_at} field wherever the connector put it (HubSpot: properties, Zendesk: user_fields). */
    private static long findSentAt(JsonNode node) {
        JsonNode direct = node.get("sent_at");
        if (direct != null) {
            try {
                return direct.isNumber() ? direct.asLong() : Long.parseLong(direct.asText().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        for (JsonNode child : node) {
            if (child.isObject()) {
                long found = findSentAt(child);
                if (found > 0) {
                    return found;
                }
            }
        }
        return -1;
    }

    private static FakeResponse json(int status, byte[] body) {
        return FakeResponse.empty(status).withBody(body).withHeader(FakeResponse.CONTENT_TYPE,
                FakeResponse.APPLICATION_JSON);
    }

    @Override
    public void close() {
        server.close();
    }
}
