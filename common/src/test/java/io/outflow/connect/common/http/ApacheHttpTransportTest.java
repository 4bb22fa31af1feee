package io.outflow.connect.common.http;

import com.sun.net.httpserver.HttpServer;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transport on a real socket, with HttpClient's own loggers at TRACE. */
class ApacheHttpTransportTest {
    private static final String SECRET = "SECRET-SENTINEL-4f1c";
    private static final String VALUE = "VALUE-SENTINEL-77aa";

    private HttpServer server;
    private final AtomicReference<String> receivedAuthorization = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/echo", exchange -> {
            receivedAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ("{\"echo\":\"" + VALUE + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();

        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                logLines.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerConfig hc = new LoggerConfig("org.apache.hc", Level.TRACE, false);
        hc.addAppender(appender, Level.TRACE, null);
        config.addLogger("org.apache.hc", hc);
        context.updateLoggers();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger("org.apache.hc");
        context.updateLoggers();
        appender.stop();
    }

    @Test
    void credentialsAndBodiesReachTheServerButNotHttpClientsLogsEvenAtTrace() throws Exception {
        HttpSettings settings = new HttpSettings(2000, 2000, 4, "", "", null, "PKCS12", true, "outflow-test");
        try (ApacheHttpTransport transport = new ApacheHttpTransport(settings, Executors.defaultThreadFactory())) {
            HttpResult result = transport.send("http://127.0.0.1:" + server.getAddress().getPort(),
                    HttpRequestSpec.post("/echo").jsonBody(("{\"v\":\"" + VALUE + "\"}")
                            .getBytes(StandardCharsets.UTF_8)).build(),
                    Map.of("Authorization", "Bearer " + SECRET)).get(10, TimeUnit.SECONDS);
            assertEquals(200, result.status());
        }
        assertEquals("Bearer " + SECRET, receivedAuthorization.get(), "the credential is sent");
        assertTrue(receivedBody.get().contains(VALUE));
        assertFalse(logLines.isEmpty(), "HttpClient did log at TRACE");
        assertTrue(logLines.stream().anyMatch(l -> l.contains("Authorization: [hidden]")),
                "the header log shows the header, redacted: " + logLines);
        for (String line : logLines) {
            assertFalse(line.contains(SECRET), "a credential in a log line: " + line);
            assertFalse(line.contains(VALUE), "a record value or response body in a log line: " + line);
        }
    }
}
