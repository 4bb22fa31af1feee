package io.outflow.connect.common.http;

import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * The HTTP transport on Apache HttpClient 5's async client: a pooled connection manager sized for the in-flight
 * cap, TCP_NODELAY, connect and response timeouts, TLS with the JVM's or a configured trust store, an optional
 * proxy. Automatic retries and redirects are off: the engine decides.
 */
public final class ApacheHttpTransport implements HttpTransport {
    private final CloseableHttpAsyncClient client;

    public ApacheHttpTransport(HttpSettings settings, ThreadFactory ioThreads) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create()
                .setSslContext(SslContexts.forSettings(settings));
        if (!settings.hostnameVerification()) {
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        Timeout connectTimeout = Timeout.ofMilliseconds(settings.connectTimeoutMs());
        Timeout responseTimeout = Timeout.ofMilliseconds(settings.responseTimeoutMs());
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(tls.buildAsync())
                        .setMaxConnTotal(settings.maxConnections())
                        .setMaxConnPerRoute(settings.maxConnections())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout)
                                .setSocketTimeout(responseTimeout)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                                .setHandshakeTimeout(connectTimeout)
                                .build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setTcpNoDelay(true)
                        .setIoThreadCount(1)
                        .setSoTimeout(responseTimeout)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(responseTimeout)
                        .setConnectionRequestTimeout(responseTimeout)
                        .build())
                .setThreadFactory(ioThreads)
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                // No wire log: at DEBUG, HttpClient's default session decorator would print every byte sent,
                // credentials and record values included.
                .setIoSessionDecorator(session -> session)
                .evictIdleConnections(TimeValue.ofSeconds(30));
        if (!settings.proxyUrl().isEmpty()) {
            try {
                builder.setProxy(HttpHost.create(settings.proxyUrl()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("http.proxy.url is not a valid URL");
            }
        }
        this.client = builder.build();
        this.client.start();
    }

    @Override
    public CompletableFuture<HttpResult> send(String baseUrl, HttpRequestSpec request, Map<String, String> extraHeaders) {
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        SimpleRequestBuilder builder;
        try {
            String uri = request.isAbsolute() ? request.path() : baseUrl + request.path();
            builder = SimpleRequestBuilder.create(request.method()).setUri(uri);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return result;
        }
        request.headers().forEach(builder::addHeader);
        // Authentication headers hold secrets: their text form, which HttpClient's header log prints, is redacted.
        extraHeaders.forEach((name, value) -> builder.setHeader(new SensitiveHeader(name, value)));
        if (request.body() != null) {
            builder.setBody(request.body(), ContentType.parse(request.contentType()));
        }
        client.execute(SimpleRequestProducer.create(builder.build()), SimpleResponseConsumer.create(),
                new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        result.complete(toResult(response));
                    }

                    @Override
                    public void failed(Exception e) {
                        result.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        result.completeExceptionally(new CancellationException("request cancelled"));
                    }
                });
        return result;
    }

    private static HttpResult toResult(SimpleHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), k -> new ArrayList<>(1)).add(header.getValue());
        }
        return new HttpResult(response.getCode(), headers, response.getBodyBytes());
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
