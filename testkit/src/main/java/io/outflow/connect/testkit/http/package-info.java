/**
 * The base of every destination fake: {@link io.outflow.connect.testkit.http.FakeHttpServer} on the JDK's
 * HttpServer, with routes ({@code /v1/jobs/{id}} patterns), pluggable auth, a rolling rate window, fixed
 * latency, seeded fault injection, a down switch and a request log.
 * <p>
 * A request goes through, in order: inspection routes (answered at once); the down switch; latency;
 * routing (404/405); open routes (an OAuth token endpoint) are handled here; auth (401); the rate window
 * (429, only admitted requests are counted); a random fault (faultable routes only); the handler; for
 * {@code DROP_AFTER_APPLY}, the dropped connection.
 * <p>
 * A vendor fake composes a server: its builder extends {@link io.outflow.connect.testkit.http.FakeServerBuilder}
 * for the shared options, and supplies its routes, {@link io.outflow.connect.testkit.http.AuthCheck},
 * {@link io.outflow.connect.testkit.http.RateLimitPolicy} (429 body and headers) and
 * {@link io.outflow.connect.testkit.http.FaultResponder} (error bodies). See
 * {@link io.outflow.connect.testkit.items.ItemsApiFake} for a complete example.
 */
package io.outflow.connect.testkit.http;
