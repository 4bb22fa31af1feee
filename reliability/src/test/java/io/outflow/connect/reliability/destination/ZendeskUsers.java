package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.RequestLog;
import io.outflow.connect.testkit.zendesk.ZendeskFake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Zendesk users upserted on their external id through bulk jobs (API token). */
public final class ZendeskUsers implements DestinationUnderTest {

    @Override
    public String name() {
        return "zendesk-users";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String connectorClass() {
        return "io.outflow.connect.zendesk.ZendeskSinkConnector";
    }

    @Override
    public boolean keyed() {
        return true;
    }

    @Override
    public UpdateStream stream(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "u-" + i,
                (key, n) -> Map.of("name", "User " + key + " v" + n, "seq", n));
    }

    @Override
    public List<ProducerRecordSpec> invalidRecords(int count) {
        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // The job's result for this user is an error: "Email: not-an-email is not properly formatted".
            records.add(ProducerRecordSpec.json("bad-" + i, Map.of("name", "Bad " + i, "email", "not-an-email",
                    "seq", 0)));
        }
        return records;
    }

    @Override
    public boolean waitsAWindowWithoutRetryAfter() {
        return true;
    }

    @Override
    public String credentialKey() {
        return "zendesk.api.token";
    }

    @Override
    public FakeDestination start(FakeOptions options) {
        return new Fake(ZendeskFake.builder()
                .faults(options.plan()).seed(options.seed()).port(options.port()).latencyMs(options.latencyMs())
                .jobDelay(options.jobDelay())
                .rateLimit(1_000_000, 60_000)
                .build().start());
    }

    private static final class Fake implements FakeDestination {
        private final ZendeskFake fake;

        Fake(ZendeskFake fake) {
            this.fake = fake;
        }

        @Override
        public String baseUrl() {
            return fake.baseUrl();
        }

        @Override
        public RequestLog requestLog() {
            return fake.requestLog();
        }

        @Override
        public FaultInjector faults() {
            return fake.faults();
        }

        @Override
        public Map<String, String> connectorConfig() {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("zendesk.api.url", fake.baseUrl());
            config.put("zendesk.object.type", "users");
            config.put("zendesk.email", ZendeskFake.DEFAULT_EMAIL);
            config.put("zendesk.api.token", ZendeskFake.DEFAULT_API_TOKEN);
            config.put("zendesk.job.poll.ms", "20");
            config.put("zendesk.job.poll.max.ms", "100");
            config.put("zendesk.job.queue.retry.ms", "200");
            return config;
        }

        @Override
        public Map<String, Integer> held() {
            Map<String, Integer> held = new LinkedHashMap<>();
            fake.users().forEach((key, user) -> {
                Object fields = user.get("user_fields");
                Object seq = fields instanceof Map ? ((Map<?, ?>) fields).get("seq") : null;
                held.put(key, seq instanceof Number ? ((Number) seq).intValue() : -1);
            });
            return held;
        }

        @Override
        public Map<String, Integer> writes() {
            return fake.writeCounts();
        }

        @Override
        public void revokeCredentials() {
            fake.apiTokenAuth().revoke();
        }

        @Override
        public void restoreCredentials() {
            fake.apiTokenAuth().set(ZendeskFake.DEFAULT_EMAIL + "/token", ZendeskFake.DEFAULT_API_TOKEN);
        }

        @Override
        public void goOffline() {
            fake.close();
        }

        @Override
        public void comeOnline() {
            fake.start();
        }

        @Override
        public Map<String, Long> jobCounts() {
            return fake.jobCounts();
        }

        @Override
        public void close() {
            fake.close();
        }
    }
}
