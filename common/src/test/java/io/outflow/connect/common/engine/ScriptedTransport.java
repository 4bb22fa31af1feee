package io.outflow.connect.common.engine;

import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.http.HttpTransport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A transport that records requests and lets the test answer each one when it wants. */
final class ScriptedTransport implements HttpTransport {
    /** A request waiting for the test's answer. */
    static final class Exchange {
        final HttpRequestSpec request;
        final Map<String, String> headers;
        final CompletableFuture<HttpResult> answer = new CompletableFuture<>();

        Exchange(HttpRequestSpec request, Map<String, String> headers) {
            this.request = request;
            this.headers = headers;
        }

        String body() {
            return request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
        }

        void reply(int status, String json) {
            reply(status, json, Map.of());
        }

        void reply(int status, String json, Map<String, List<String>> headers) {
            answer.complete(new HttpResult(status, headers, json.getBytes(StandardCharsets.UTF_8)));
        }

        void fail(Throwable error) {
            answer.completeExceptionally(error);
        }
    }

    final List<Exchange> all = new ArrayList<>();
    private final List<Exchange> open = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<HttpResult> send(String baseUrl, HttpRequestSpec request,
                                                           Map<String, String> extraHeaders) {
        Exchange exchange = new Exchange(request, extraHeaders);
        all.add(exchange);
        open.add(exchange);
        return exchange.answer;
    }

    /** Requests not answered yet, oldest first; taking them marks them answered-to-be. */
    synchronized List<Exchange> takeOpen() {
        List<Exchange> out = new ArrayList<>(open);
        open.clear();
        return out;
    }

    synchronized int openCount() {
        return open.size();
    }

    @Override
    public void close() {
    }
}
