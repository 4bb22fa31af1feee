package io.outflow.connect.common.destination;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReasonTest {
    private static final String VENDOR_MESSAGE = "Property value 'ada@example.com' is not a valid email";

    @Test
    void toStringHasStatusCodeFieldAndMessage() {
        Reason r = Reason.of(400, "INVALID_EMAIL", VENDOR_MESSAGE).withField("email");
        assertEquals("HTTP 400 INVALID_EMAIL (field 'email'): " + VENDOR_MESSAGE, r.toString());
        assertEquals("HTTP 400 INVALID_EMAIL", Reason.of(400, "INVALID_EMAIL", "").toString());
        assertEquals("HTTP 500: boom", Reason.of(500, null, "boom").toString());
        assertEquals("TIMEOUT: no answer", Reason.local("TIMEOUT", "no answer").toString());
        assertEquals("just a message", Reason.local(null, "just a message").toString());
        assertEquals("", Reason.local(null, null).toString());
    }

    @Test
    void summaryNeverContainsTheMessage() {
        Reason r = Reason.of(400, "INVALID_EMAIL", VENDOR_MESSAGE).withField("email");
        assertEquals("HTTP 400 INVALID_EMAIL (field 'email')", r.summary());
        assertFalse(r.summary().contains("ada@example.com"));
        assertFalse(r.withContext("step 2").summary().contains("step 2"));

        assertEquals("HTTP 503", Reason.of(503, " ", VENDOR_MESSAGE).summary());
        assertEquals("TLS_HANDSHAKE_FAILED", Reason.local("TLS_HANDSHAKE_FAILED", VENDOR_MESSAGE).summary());
        assertEquals("(field 'x')", Reason.local(null, VENDOR_MESSAGE).withField("x").summary());
        assertEquals("no reason given", Reason.local(null, VENDOR_MESSAGE).summary());
    }

    @Test
    void blankCodesAndFieldsAreAbsent() {
        Reason r = Reason.of(400, "  ", null).withField(" ");
        assertNull(r.code());
        assertNull(r.field());
        assertEquals("", r.message());
        assertEquals("HTTP 400", r.toString());
    }

    @Test
    void withContextPrefixesTheMessage() {
        Reason r = Reason.of(403, "FORBIDDEN", "missing scope").withField("f").withContext("HubSpot denied access");
        assertEquals("HubSpot denied access: missing scope", r.message());
        assertEquals("FORBIDDEN", r.code());
        assertEquals(403, r.httpStatus());
        assertEquals("f", r.field());
        assertEquals("ctx", Reason.of(403, "X", "").withContext("ctx").message());
    }

    @Test
    void equality() {
        assertEquals(Reason.of(400, "A", "m").withField("f"), Reason.of(400, "A", "m").withField("f"));
        assertEquals(Reason.of(400, "A", "m").hashCode(), Reason.of(400, "A", "m").hashCode());
        assertNotEquals(Reason.of(400, "A", "m"), Reason.of(400, "A", "n"));
        assertNotEquals(Reason.of(400, "A", "m"), Reason.of(401, "A", "m"));
        assertNotEquals(Reason.of(400, "A", "m"), Reason.of(400, "B", "m"));
        assertNotEquals(Reason.of(400, "A", "m"), Reason.of(400, "A", "m").withField("f"));
        assertNotEquals(Reason.of(400, "A", "m"), "HTTP 400 A: m");
    }
}
