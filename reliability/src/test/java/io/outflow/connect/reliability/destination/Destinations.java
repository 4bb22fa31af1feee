package io.outflow.connect.reliability.destination;

import java.util.stream.Stream;

/** The destinations every scenario runs for (argument sources of the parameterized scenarios). */
public final class Destinations {
    public static final DestinationUnderTest HUBSPOT_CONTACTS = new HubSpotContacts();
    public static final DestinationUnderTest ZENDESK_USERS = new ZendeskUsers();
    public static final DestinationUnderTest BRAZE_ATTRIBUTES = new BrazeAttributes();
    public static final DestinationUnderTest BRAZE_EVENTS = new BrazeEvents();

    private Destinations() {
    }

    /** The upsert destinations: every connector once. */
    public static Stream<DestinationUnderTest> keyed() {
        return Stream.of(HUBSPOT_CONTACTS, ZENDESK_USERS, BRAZE_ATTRIBUTES);
    }

    /** Every connector, and Braze events where duplicates are the question. */
    public static Stream<DestinationUnderTest> withEvents() {
        return Stream.of(HUBSPOT_CONTACTS, ZENDESK_USERS, BRAZE_ATTRIBUTES, BRAZE_EVENTS);
    }

    /** Destinations whose connector refreshes expired credentials by itself. */
    public static Stream<DestinationUnderTest> refreshing() {
        return keyed().filter(DestinationUnderTest::refreshesCredentials);
    }

    /** Destinations whose connector waits briefly after a 429 without Retry-After. */
    public static Stream<DestinationUnderTest> shortRateLimitFallback() {
        return keyed().filter(d -> !d.waitsAWindowWithoutRetryAfter());
    }

    /** Destinations whose connector waits a long window after a 429 without Retry-After (a slow scenario). */
    public static Stream<DestinationUnderTest> longRateLimitFallback() {
        return keyed().filter(DestinationUnderTest::waitsAWindowWithoutRetryAfter);
    }

    /** Zendesk users: the destination with asynchronous jobs. */
    public static Stream<DestinationUnderTest> withAsyncJobs() {
        return Stream.of(ZENDESK_USERS);
    }
}
