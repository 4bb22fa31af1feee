package io.outflow.connect.zendesk;

import org.junit.jupiter.api.Test;

import io.outflow.connect.common.mapping.JsonValues;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ObjectFieldsTest {
    private final ObjectFields users = ObjectFields.users("external_id",
            Set.copyOf(ZendeskConfig.USER_STANDARD_FIELDS));

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void standardFieldsGoTopLevelAndEveryOtherFieldIntoUserFields() {
        Map<String, Object> user = users.place("u-1", fields("name", "Ada", "email", "ada@example.com",
                "tags", List.of("vip"), "health_score", 87L, "plan", "pro"));
        assertEquals("u-1", user.get("external_id"));
        assertEquals("Ada", user.get("name"));
        assertEquals("ada@example.com", user.get("email"));
        assertEquals(List.of("vip"), user.get("tags"));
        assertEquals(Map.of("health_score", 87L, "plan", "pro"), user.get("user_fields"));
        assertFalse(user.containsKey("health_score"));
    }

    @Test
    void aUserFieldsMapIsMergedAndSingleFieldsWin() {
        Map<String, Object> user = users.place("u-1", fields("user_fields", Map.of("plan", "free", "tier", 2L),
                "plan", "pro"));
        assertEquals(Map.of("plan", "pro", "tier", 2L), user.get("user_fields"));
    }

    @Test
    void theKeyWinsOverAValueFieldOfTheMatchFieldsName() {
        Map<String, Object> user = users.place("u-1", fields("external_id", "other", "name", "Ada"));
        assertEquals("u-1", user.get("external_id"));
    }

    @Test
    void aStringOrganizationIsSentByName() {
        assertEquals(Map.of("name", "Acme"), users.place("u-1", fields("organization", "Acme")).get("organization"));
    }

    @Test
    void matchingOnEmailPutsTheKeyInEmail() {
        ObjectFields byEmail = ObjectFields.users("email", Set.copyOf(ZendeskConfig.USER_STANDARD_FIELDS));
        Map<String, Object> user = byEmail.place("ada@example.com", fields("name", "Ada"));
        assertEquals("ada@example.com", user.get("email"));
        assertFalse(user.containsKey("external_id"));
    }

    @Test
    void organizationsUseOrganizationFields() {
        ObjectFields organizations = ObjectFields.organizations(Set.copyOf(ZendeskConfig.ORGANIZATION_STANDARD_FIELDS));
        Map<String, Object> organization = organizations.place("o-1", fields("name", "Acme",
                "domain_names", List.of("acme.com"), "arr", 1200L));
        assertEquals("o-1", organization.get("external_id"));
        assertEquals(List.of("acme.com"), organization.get("domain_names"));
        assertEquals(Map.of("arr", 1200L), organization.get("organization_fields"));
    }

    @Test
    void writingStraightToJsonGivesWhatEncodingThePlacedObjectGives() {
        ObjectFields organizations = ObjectFields.organizations(Set.copyOf(ZendeskConfig.ORGANIZATION_STANDARD_FIELDS));
        Map<String, Object> nullContainer = new HashMap<>();
        nullContainer.put("user_fields", null);
        nullContainer.put("name", "Ada");
        List<Map<String, Object>> cases = List.of(
                fields(),
                fields("name", "Ada", "email", "ada@example.com", "tags", List.of("vip"), "health_score", 87L,
                        "plan", "pro", "renewal", "2026-12-01"),
                fields("external_id", "other", "name", "Ada", "organization", "Acme"),
                fields("user_fields", Map.of("plan", "free", "tier", 2L), "plan", "pro"),
                fields("user_fields", Map.of(), "name", "Ada"),
                fields("user_fields", "not a map", "name", "Ada"),
                fields("name", null, "score", null),
                nullContainer);
        for (Map<String, Object> c : cases) {
            for (ObjectFields placement : List.of(users, organizations)) {
                String placed = json(JsonValues.encode(g -> JsonValues.write(g, placement.place("k-1", c))));
                String written = json(JsonValues.encode(g -> placement.write(g, "k-1", c)));
                assertEquals(placed, written, () -> "fields " + c.keySet());
            }
        }
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
