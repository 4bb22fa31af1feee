package io.outflow.connect.testkit.hubspot;

/**
 * The two HubSpot rate-limit policies a 429 can name in its {@code policyName} (usage guidelines): the rolling
 * ten-second window and the daily quota.
 */
public enum HubSpotLimit {
    TEN_SECONDLY_ROLLING("You have reached your ten_secondly_rolling limit."),
    DAILY("You have reached your daily limit.");

    private final String message;

    HubSpotLimit(String message) {
        this.message = message;
    }

    /** The {@code message} of the 429 body. */
    public String message() {
        return message;
    }
}
