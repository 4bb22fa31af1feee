package io.outflow.connect.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.mapping.StringOverflow;
import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /users/track request bodies of each record type and identifier. */
class BrazeTrackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Identity EXTERNAL_ID = new Identity(Identifier.EXTERNAL_ID, "", List.of());
    private static final FieldNames NAMES = new FieldNames(255, StringOverflow.REJECT);

    private static BrazeTrack attributes(Identity identity, boolean updateOnly) {
        return new BrazeTrack(RecordType.ATTRIBUTES, identity, new AttributesContent(identity, updateOnly), NAMES,
                75, 1 << 20);
    }

    private static BrazeTrack events() {
        return new BrazeTrack(RecordType.EVENTS, EXTERNAL_ID, new EventContent(EXTERNAL_ID), NAMES, 75, 1 << 20);
    }

    private static BrazeTrack purchases() {
        return new BrazeTrack(RecordType.PURCHASES, EXTERNAL_ID, new PurchaseContent(EXTERNAL_ID), NAMES, 75,
                1 << 20);
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static JsonNode body(BrazeTrack track, Item... items) throws Exception {
        Call call = track.newCall(List.of(items));
        assertEquals("POST /users/track", call.firstRequest().toString());
        return JSON.readTree(call.firstRequest().body());
    }

    @Test
    void attributesAreOneObjectPerUserKeyedByExternalId() throws Exception {
        BrazeTrack track = attributes(EXTERNAL_ID, false);
        JsonNode body = body(track, track.prepare("u1", fields("plan", "pro", "score", 42L)),
                track.prepare("u2", fields("plan", null)));
        List<String> arrays = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(arrays::add);
        assertEquals(List.of("attributes"), arrays, "one array per request");
        JsonNode first = body.get("attributes").get(0);
        assertEquals("u1", first.get("external_id").asText());
        assertFalse(first.get("_update_existing_only").asBoolean(), "upsert creates users");
        assertEquals("pro", first.get("plan").asText());
        assertEquals(42, first.get("score").asInt());
        assertTrue(body.get("attributes").get(1).get("plan").isNull(), "null removes the attribute");
        assertTrue(track.keyed());
    }

    @Test
    void updateOnlyNeverCreatesUsers() throws Exception {
        BrazeTrack track = attributes(EXTERNAL_ID, true);
        JsonNode object = body(track, track.prepare("u1", fields("plan", "pro"))).get("attributes").get(0);
        assertTrue(object.get("_update_existing_only").asBoolean());
    }

    @Test
    void theKeyIsTheOnlyIdentifierSent() throws Exception {
        BrazeTrack track = attributes(EXTERNAL_ID, false);
        JsonNode object = body(track, track.prepare("u1", fields("external_id", "other", "braze_id", "b1",
                "_update_existing_only", true, "email", "a@x.com"))).get("attributes").get(0);
        assertEquals("u1", object.get("external_id").asText());
        assertFalse(object.has("braze_id"));
        assertFalse(object.get("_update_existing_only").asBoolean());
        assertEquals("a@x.com", object.get("email").asText(), "email is an attribute when keyed by external_id");
    }

    @Test
    void emailAndAliasIdentifiers() throws Exception {
        Identity email = new Identity(Identifier.EMAIL, "", List.of());
        BrazeTrack byEmail = attributes(email, false);
        JsonNode object = body(byEmail, byEmail.prepare("a@x.com", fields("email", "b@x.com", "plan", "pro")))
                .get("attributes").get(0);
        assertEquals("a@x.com", object.get("email").asText(), "the key, not the field, identifies the user");

        Identity alias = new Identity(Identifier.USER_ALIAS, "warehouse_id", List.of());
        BrazeTrack byAlias = attributes(alias, false);
        JsonNode aliased = body(byAlias, byAlias.prepare("w-42", fields("plan", "pro"))).get("attributes").get(0);
        assertEquals("w-42", aliased.get("user_alias").get("alias_name").asText());
        assertEquals("warehouse_id", aliased.get("user_alias").get("alias_label").asText());
        assertFalse(aliased.get("_update_existing_only").asBoolean(), "an alias would default to update-only");
    }

    @Test
    void anAttributeNameOverTheLimitIsRefused() {
        BrazeTrack track = attributes(EXTERNAL_ID, false);
        assertThrows(RecordException.class, () -> track.prepare("u1", fields("y".repeat(256), "v")));
    }

    @Test
    void eventsCarryNameTimeAndEveryOtherFieldAsProperties() throws Exception {
        BrazeTrack track = events();
        JsonNode body = body(track, track.prepare("u1", fields("name", "renewed", "time", "2026-01-15T10:00:00Z",
                "plan", "pro", "properties", Map.of("seats", 5L), "app_id", "app-1")));
        JsonNode event = body.get("events").get(0);
        assertEquals("u1", event.get("external_id").asText());
        assertEquals("renewed", event.get("name").asText());
        assertEquals("2026-01-15T10:00:00Z", event.get("time").asText());
        assertEquals("app-1", event.get("app_id").asText());
        assertEquals("pro", event.get("properties").get("plan").asText());
        assertEquals(5, event.get("properties").get("seats").asInt());
        assertFalse(event.has("_update_existing_only"));
        assertFalse(track.keyed(), "events append");
    }

    @Test
    void anEventNeedsANameAndATextTime() {
        BrazeTrack track = events();
        assertEquals("name", assertThrows(RecordException.class,
                () -> track.prepare("u1", fields("time", "2026-01-15"))).field());
        assertEquals("time", assertThrows(RecordException.class,
                () -> track.prepare("u1", fields("name", "x"))).field());
        RecordException number = assertThrows(RecordException.class,
                () -> track.prepare("u1", fields("name", "x", "time", 1768435200000L)));
        assertTrue(number.getMessage().contains("field.types"), number.getMessage());
        assertFalse(number.getMessage().contains("1768435200000"));
    }

    @Test
    void aPropertyGivenTwiceIsRefused() {
        BrazeTrack track = events();
        assertThrows(RecordException.class, () -> track.prepare("u1", fields("name", "x", "time", "2026-01-15",
                "plan", "a", "properties", Map.of("plan", "b"))));
    }

    @Test
    void purchasesCarryTheirFieldsAndProperties() throws Exception {
        BrazeTrack track = purchases();
        Item item = track.prepare("u1", fields("product_id", 1001L, "currency", "EUR",
                "price", new BigDecimal("19.90"), "quantity", 2L, "time", "2026-01-15T10:00:00Z", "channel", "web"));
        assertTrue(new String(item.json(), java.nio.charset.StandardCharsets.UTF_8).contains("\"price\":19.90"),
                "a decimal keeps its digits");
        JsonNode purchase = body(track, item).get("purchases").get(0);
        assertEquals("1001", purchase.get("product_id").asText(), "a numeric product id is sent as text");
        assertEquals("EUR", purchase.get("currency").asText());
        assertEquals(2, purchase.get("quantity").asInt());
        assertEquals("web", purchase.get("properties").get("channel").asText());
    }

    @Test
    void aPurchaseNeedsItsRequiredFields() {
        BrazeTrack track = purchases();
        assertEquals("price", assertThrows(RecordException.class, () -> track.prepare("u1",
                fields("product_id", "p", "currency", "EUR", "time", "2026-01-15"))).field());
        assertEquals("price", assertThrows(RecordException.class, () -> track.prepare("u1",
                fields("product_id", "p", "currency", "EUR", "price", "9.99", "time", "2026-01-15"))).field());
        assertEquals("currency", assertThrows(RecordException.class, () -> track.prepare("u1",
                fields("product_id", "p", "price", 1L, "time", "2026-01-15"))).field());
    }
}
