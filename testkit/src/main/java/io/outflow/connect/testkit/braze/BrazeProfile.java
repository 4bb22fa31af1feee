package io.outflow.connect.testkit.braze;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one user profile, for profiles {@link BrazeFake#users()} does not list (alias-, email- or
 * phone-only ones, anonymous push-token imports).
 *
 * @param brazeId    assigned by the fake: 24 hex digits, counting up from 1 in creation order
 * @param externalId null when the profile has none
 * @param attributes custom attributes and profile fields (email, phone, first_name...); unmodifiable
 */
public record BrazeProfile(String brazeId, String externalId, List<UserAlias> aliases,
                           Map<String, Object> attributes) {

    public BrazeProfile {
        aliases = List.copyOf(aliases);
        attributes = JsonMaps.unmodifiable(attributes);
    }
}
