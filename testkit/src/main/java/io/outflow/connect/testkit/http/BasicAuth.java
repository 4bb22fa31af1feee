package io.outflow.connect.testkit.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Accepts {@code Authorization: Basic base64(user:password)} for one credential pair, changeable at runtime
 * (Zendesk-style {@code email/token:apitoken} is just a user name containing a slash).
 */
public final class BasicAuth implements AuthCheck {

    private final AtomicReference<String> expected = new AtomicReference<>();

    private BasicAuth() {
    }

    public static BasicAuth of(String user, String password) {
        return new BasicAuth().set(user, password);
    }

    @Override
    public boolean authorized(FakeRequest request) {
        String credentials = expected.get();
        return credentials != null && request.basicCredentials().map(credentials::equals).orElse(false);
    }

    public BasicAuth set(String user, String password) {
        expected.set(user + ":" + password);
        return this;
    }

    /** After this no credentials are accepted until {@link #set} is called again. */
    public BasicAuth revoke() {
        expected.set(null);
        return this;
    }
}
