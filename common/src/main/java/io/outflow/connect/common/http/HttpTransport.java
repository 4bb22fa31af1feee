package io.outflow.connect.common.http;

import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends HTTP requests without blocking. The future completes with any response, whatever its status, or
 * exceptionally with the transport error (timeout, connection refused or reset, TLS failure). The engine decides
 * what each means; the transport never retries.
 */
public interface HttpTransport extends AutoCloseable {
    /**
     * @param baseUrl      what a relative request path is resolved against
     * @param request      the request
     * @param extraHeaders headers added for this send only (authentication), never logged
     */
    CompletableFuture<HttpResult> send(String baseUrl, HttpRequestSpec request, Map<String, String> extraHeaders);

    @Override
    void close();
}
