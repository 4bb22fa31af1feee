package io.outflow.connect.common.http;

import io.outflow.connect.common.config.OutflowSinkConfig;
import org.apache.kafka.common.config.types.Password;

/** The transport's settings, read from the common HTTP keys. */
public final class HttpSettings {
    private final int connectTimeoutMs;
    private final int responseTimeoutMs;
    private final int maxConnections;
    private final String proxyUrl;
    private final String trustStoreLocation;
    private final Password trustStorePassword;
    private final String trustStoreType;
    private final boolean hostnameVerification;
    private final String userAgent;

    public HttpSettings(int connectTimeoutMs, int responseTimeoutMs, int maxConnections, String proxyUrl,
                        String trustStoreLocation, Password trustStorePassword, String trustStoreType,
                        boolean hostnameVerification, String userAgent) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.responseTimeoutMs = responseTimeoutMs;
        this.maxConnections = maxConnections;
        this.proxyUrl = proxyUrl == null ? "" : proxyUrl;
        this.trustStoreLocation = trustStoreLocation == null ? "" : trustStoreLocation;
        this.trustStorePassword = trustStorePassword;
        this.trustStoreType = trustStoreType;
        this.hostnameVerification = hostnameVerification;
        this.userAgent = userAgent;
    }

    /** Settings from a connector's configuration; connections sized for the in-flight cap plus polls. */
    public static HttpSettings from(OutflowSinkConfig config, String userAgent) {
        return new HttpSettings(config.httpConnectTimeoutMs(), config.httpResponseTimeoutMs(),
                config.maxInFlightRequests() * 2 + 2, config.httpProxyUrl(), config.trustStoreLocation(),
                config.trustStorePassword(), config.trustStoreType(), config.hostnameVerification(), userAgent);
    }

    public int connectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int responseTimeoutMs() {
        return responseTimeoutMs;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public String proxyUrl() {
        return proxyUrl;
    }

    public String trustStoreLocation() {
        return trustStoreLocation;
    }

    public Password trustStorePassword() {
        return trustStorePassword;
    }

    public String trustStoreType() {
        return trustStoreType;
    }

    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    public String userAgent() {
        return userAgent;
    }
}
