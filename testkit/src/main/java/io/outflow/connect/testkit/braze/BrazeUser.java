package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** One user profile. Mutated only by {@link BrazeStore} under its lock. */
final class BrazeUser {

    private final String brazeId;
    private String externalId;
    private final Set<UserAlias> aliases = new LinkedHashSet<>();
    private ObjectNode attributes = Json.object();
    /** Store-wide update sequence of the last change: "most recently updated" without relying on the clock. */
    private long lastUpdate;

    BrazeUser(String brazeId) {
        this.brazeId = brazeId;
    }

    String brazeId() {
        return brazeId;
    }

    String externalId() {
        return externalId;
    }

    void externalId(String id) {
        this.externalId = id;
    }

    Set<UserAlias> aliases() {
        return aliases;
    }

    ObjectNode attributes() {
        return attributes;
    }

    void attributes(ObjectNode next) {
        this.attributes = next;
    }

    /** The attribute as text, or null (emails and phones are looked up this way). */
    String text(String attribute) {
        return attributes.path(attribute).isTextual() ? attributes.get(attribute).textValue() : null;
    }

    long lastUpdate() {
        return lastUpdate;
    }

    void updated(long sequence) {
        this.lastUpdate = sequence;
    }

    BrazeProfile snapshot() {
        return new BrazeProfile(brazeId, externalId, new ArrayList<>(aliases), JsonMaps.toMap(attributes));
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object().put("braze_id", brazeId).put("external_id", externalId);
        ArrayNode aliasNodes = node.putArray("user_aliases");
        aliases.forEach(alias -> aliasNodes.add(alias.toJson()));
        node.set("attributes", attributes.deepCopy());
        return node;
    }
}
