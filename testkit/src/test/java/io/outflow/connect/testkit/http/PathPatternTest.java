package io.outflow.connect.testkit.http;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathPatternTest {

    @Test
    void exactPathMatchesOnlyItself() {
        PathPattern pattern = PathPattern.of("/v1/items/batch");
        assertEquals(Optional.of(Map.of()), pattern.match("/v1/items/batch"));
        assertTrue(pattern.match("/v1/items").isEmpty());
        assertTrue(pattern.match("/v1/items/batch/x").isEmpty());
        assertTrue(pattern.match("/v1/items/batch/").isEmpty());
    }

    @Test
    void paramSegmentsCaptureValues() {
        PathPattern pattern = PathPattern.of("/crm/{type}/objects/{id}");
        assertEquals(Map.of("type", "contacts", "id", "42"), pattern.match("/crm/contacts/objects/42").orElseThrow());
        assertTrue(pattern.match("/crm/contacts/objects/").isEmpty(), "an empty segment is not a value");
        assertTrue(pattern.match("/crm/contacts/other/42").isEmpty());
    }

    @Test
    void rootAndInvalidPatterns() {
        assertEquals(Optional.of(Map.of()), PathPattern.of("/").match("/"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.of("no-slash"));
    }
}
