package io.outflow.connect.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

/**
 * Bridges the JDK server to the pipeline. A dropped connection is an exchange closed before
 * {@code sendResponseHeaders}: the JDK server then closes the socket and the client sees EOF.
 */
final class ExchangeAdapter implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ExchangeAdapter.class);

    private final RequestPipeline pipeline;

    ExchangeAdapter(RequestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            // Read the whole body first: a drop must look like "request sent, no answer" to the client.
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            FakeRequest request = FakeRequest.of(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), body);
            Outcome outcome = pipeline.process(request);
            if (!outcome.dropped()) {
                write(exchange, outcome.response());
            }
        } catch (IOException e) {
            // The client gave up (e.g. its timeout fired during a slow fault): nothing left to answer.
            log.debug("Exchange {} {} ended early", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } catch (RuntimeException e) {
            // A bug in a fake's hook (auth, state view, policy): make it loud, the client sees a dropped connection.
            log.warn("Fake failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        int length = response.bodyLength();
        boolean noBody = length == 0 || response.status() == 204 || response.status() == 304
                || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.bodyUnsafe());
            }
        }
    }
}
