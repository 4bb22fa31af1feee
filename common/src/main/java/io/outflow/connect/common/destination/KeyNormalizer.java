package io.outflow.connect.common.destination;

import java.util.Locale;

/**
 * Turns a record's key into the form the destination compares keys in, so two records the destination would treat
 * as the same object are deduplicated and ordered as one (HubSpot compares emails case-insensitively, for one).
 */
@FunctionalInterface
public interface KeyNormalizer {
    /** Keys compared exactly as they are. */
    KeyNormalizer EXACT = key -> key;

    /** Keys compared ignoring case and surrounding blanks, as destinations compare email addresses. */
    KeyNormalizer CASE_INSENSITIVE = key -> key.trim().toLowerCase(Locale.ROOT);

    String normalize(String key);
}
