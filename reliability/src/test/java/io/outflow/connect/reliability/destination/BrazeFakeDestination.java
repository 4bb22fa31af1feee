package io.outflow.connect.reliability.destination;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.http.FaultInjector;
import io.outflow.connect.testkit.http.RequestLog;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Braze fake behind either record type. */
abstract class BrazeFakeDestination implements FakeDestination {
    private final BrazeFake fake;
    private final String recordType;

    BrazeFakeDestination(BrazeFake fake, String recordType) {
        this.fake = fake;
        this.recordType = recordType;
    }

    BrazeFake fake() {
        return fake;
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
        config.put("braze.api.url", fake.baseUrl());
        config.put("braze.api.key", BrazeFake.DEFAULT_API_KEY);
        config.put("braze.record.type", recordType);
        return config;
    }

    @Override
    public void revokeCredentials() {
        fake.auth().revoke(BrazeFake.DEFAULT_API_KEY);
    }

    @Override
    public void restoreCredentials() {
        fake.auth().allow(BrazeFake.DEFAULT_API_KEY);
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
