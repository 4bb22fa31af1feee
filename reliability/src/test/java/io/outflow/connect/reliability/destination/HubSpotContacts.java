package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.UpdateStream;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.RequestLog;
import io.outflow.connect.testkit.hubspot.HubSpotFake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HubSpot contacts upserted on their email (private app token, or OAuth with {@link FakeOptions#oauth()}). */
public final class HubSpotContacts implements DestinationUnderTest {
    private static final String CONTACTS = "contacts";
    private static final String CLIENT_ID = "reliability-client";
    private static final String CLIENT_SECRET = "reliability-client-secret";
    private static final String REFRESH_TOKEN = "reliability-refresh-token";

    @Override
    public String name() {
        return "hubspot-contacts";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public String connectorClass() {
        return "io.outflow.connect.hubspot.HubSpotSinkConnector";
    }

    @Override
    public boolean keyed() {
        return true;
    }

    @Override
    public UpdateStream stream(int keys, int updatesPerKey, long seed) {
        return UpdateStream.generate(keys, updatesPerKey, seed, i -> "c" + i + "@example.com",
                (email, n) -> Map.of("firstname", "C " + email + " v" + n, "seq", n));
    }

    @Override
    public List<ProducerRecordSpec> invalidRecords(int count) {
        List<ProducerRecordSpec> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // The key is the email: HubSpot answers 207 INVALID_EMAIL for this input.
            records.add(ProducerRecordSpec.json("bad-" + i, Map.of("firstname", "Bad " + i, "seq", 0)));
        }
        return records;
    }

    @Override
    public boolean refreshesCredentials() {
        return true;
    }

    @Override
    public String credentialKey() {
        return "hubspot.access.token";
    }

    @Override
    public FakeDestination start(FakeOptions options) {
        HubSpotFake.Builder builder = HubSpotFake.builder()
                .faults(options.plan()).seed(options.seed()).port(options.port()).latencyMs(options.latencyMs())
                // A window no scenario reaches; its X-HubSpot-RateLimit-Interval-Milliseconds (1 s) is what the
                // connector waits after a 429 without Retry-After (HubSpot's real window is 10 s).
                .rateLimit(100_000, 1_000);
        if (options.oauth()) {
            builder.oauthClient(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN);
        }
        return new Fake(builder.build().start(), options.oauth());
    }

    private static final class Fake implements FakeDestination {
        private final HubSpotFake fake;
        private final boolean oauth;

        Fake(HubSpotFake fake, boolean oauth) {
            this.fake = fake;
            this.oauth = oauth;
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
            config.put("hubspot.api.url", fake.baseUrl());
            config.put("hubspot.object.type", CONTACTS);
            config.put("hubspot.id.property", "email");
            if (oauth) {
                config.put("hubspot.auth.type", "oauth");
                config.put("hubspot.oauth.client.id", CLIENT_ID);
                config.put("hubspot.oauth.client.secret", CLIENT_SECRET);
                config.put("hubspot.oauth.refresh.token", REFRESH_TOKEN);
                config.put("hubspot.oauth.token.url", fake.baseUrl() + HubSpotFake.TOKEN_PATH);
            } else {
                config.put("hubspot.access.token", HubSpotFake.DEFAULT_ACCESS_TOKEN);
            }
            return config;
        }

        @Override
        public Map<String, Integer> held() {
            Map<String, Integer> held = new LinkedHashMap<>();
            fake.objects(CONTACTS).forEach((email, properties) -> {
                String seq = properties.get("seq");
                held.put(email, seq == null ? -1 : Integer.parseInt(seq));
            });
            return held;
        }

        @Override
        public Map<String, Integer> writes() {
            return fake.writeCounts(CONTACTS);
        }

        @Override
        public void revokeCredentials() {
            fake.privateAppTokens().revoke(HubSpotFake.DEFAULT_ACCESS_TOKEN);
        }

        @Override
        public void restoreCredentials() {
            fake.privateAppTokens().allow(HubSpotFake.DEFAULT_ACCESS_TOKEN);
        }

        @Override
        public void expireRefreshedCredentials() {
            fake.expireAccessTokens();
        }

        @Override
        public long accessTokensIssued() {
            return fake.accessTokensIssued();
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
        public void close() {
            fake.close();
        }
    }
}
