package io.outflow.connect.common.http;

import org.apache.hc.core5.http.Header;

/**
 * A request header carrying a credential. The wire gets its value; its text form, which HttpClient writes to its
 * {@code org.apache.hc.client5.http.headers} log at DEBUG, does not. So a worker logging at DEBUG or TRACE never
 * shows a token, whatever its logging configuration.
 */
final class SensitiveHeader implements Header {
    private final String name;
    private final String value;

    SensitiveHeader(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getValue() {
        return value;
    }

    @Override
    public boolean isSensitive() {
        return true;
    }

    @Override
    public String toString() {
        return name + ": [hidden]";
    }
}
