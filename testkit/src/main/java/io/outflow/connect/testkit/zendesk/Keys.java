package io.outflow.connect.testkit.zendesk;

import java.util.Locale;

/** Zendesk compares emails, external ids and organization names without regard to case. */
final class Keys {

    private Keys() {
    }

    static String fold(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
