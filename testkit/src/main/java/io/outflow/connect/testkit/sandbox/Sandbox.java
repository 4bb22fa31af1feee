package io.outflow.connect.testkit.sandbox;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import io.outflow.connect.testkit.zendesk.ZendeskFake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * Local sandbox destinations: the HubSpot, Zendesk and Braze fakes serving their vendors' APIs on loopback, each
 * with a read-only JSON view of what it holds at {@code /_fake/state}. Used by the demo, and runnable on its own to
 * point a connector at while trying it out:
 * <pre>java -cp testkit.jar:... io.outflow.connect.testkit.sandbox.Sandbox [hubspotPort zendeskPort brazePort]</pre>
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    private final HubSpotFake hubspot;
    private final ZendeskFake zendesk;
    private final BrazeFake braze;

    private Sandbox(HubSpotFake hubspot, ZendeskFake zendesk, BrazeFake braze) {
        this.hubspot = hubspot;
        this.zendesk = zendesk;
        this.braze = braze;
    }

    /** Starts the three fakes; a port of 0 picks a free one. */
    public static Sandbox start(int hubspotPort, int zendeskPort, int brazePort) {
        HubSpotFake hubspot = HubSpotFake.builder().port(hubspotPort).build().start();
        ZendeskFake zendesk = ZendeskFake.builder().port(zendeskPort).jobDelay(java.time.Duration.ofMillis(300))
                .build().start();
        BrazeFake braze = BrazeFake.builder().port(brazePort).build().start();
        return new Sandbox(hubspot, zendesk, braze);
    }

    public HubSpotFake hubspot() {
        return hubspot;
    }

    public ZendeskFake zendesk() {
        return zendesk;
    }

    public BrazeFake braze() {
        return braze;
    }

    @Override
    public void close() {
        hubspot.close();
        zendesk.close();
        braze.close();
    }

    /** Runs the sandbox until the process is stopped (Ctrl-C). */
    public static void main(String[] args) throws InterruptedException {
        int hubspotPort = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int zendeskPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int brazePort = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Sandbox sandbox = start(hubspotPort, zendeskPort, brazePort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-stop"));
        log.info("HubSpot sandbox: {} (token {}, state {}/_fake/state)", sandbox.hubspot.baseUrl(),
                HubSpotFake.DEFAULT_ACCESS_TOKEN, sandbox.hubspot.baseUrl());
        log.info("Zendesk sandbox: {} (API token {}/token:{}, state {}/_fake/state)", sandbox.zendesk.baseUrl(),
                ZendeskFake.DEFAULT_EMAIL, ZendeskFake.DEFAULT_API_TOKEN, sandbox.zendesk.baseUrl());
        log.info("Braze sandbox: {} (REST key {}, state {}/_fake/state)", sandbox.braze.baseUrl(),
                BrazeFake.DEFAULT_API_KEY, sandbox.braze.baseUrl());
        stopped.await();
    }
}
