package io.outflow.connect.benchmarks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InputCounterTest {
    private static int count(String json) {
        return InputCounter.countArrayObjects(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsTheObjectsOfTheBatchArray() {
        assertEquals(2, count("{\"inputs\":[{\"idProperty\":\"email\",\"id\":\"a@x\",\"properties\":{\"n\":\"1\"}},"
                + "{\"idProperty\":\"email\",\"id\":\"b@x\",\"properties\":{\"n\":\"2\"}}]}"));
        assertEquals(3, count("{\"attributes\":[{\"external_id\":\"1\"},{\"external_id\":\"2\"},{\"external_id\":\"3\"}]}"));
        assertEquals(0, count("{\"users\":[]}"));
    }

    @Test
    void ignoresBracesInStringsAndNestedObjects() {
        assertEquals(2, count("{\"users\":[{\"name\":\"a {b} [c] \\\"}\\\" d\",\"user_fields\":{\"x\":{\"y\":1}},"
                + "\"tags\":[\"t\",{\"q\":1}]},{\"name\":\"}}}\"}]}"));
    }
}
