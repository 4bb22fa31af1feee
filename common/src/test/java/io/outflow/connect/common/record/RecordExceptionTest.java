package io.outflow.connect.common.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RecordExceptionTest {
    @Test
    void messageNamesTheFieldWhenThereIsOne() {
        RecordException e = new RecordException("email", "the string is too long");
        assertEquals("email", e.field());
        assertEquals("the string is too long", e.reason());
        assertEquals("field 'email': the string is too long", e.getMessage());
    }

    @Test
    void aRecordLevelProblemHasNoField() {
        RecordException e = RecordException.ofRecord("the record value is a String");
        assertNull(e.field());
        assertEquals("the record value is a String", e.getMessage());
    }

    @Test
    void withinAFieldlessProblemNamesTheParent() {
        RecordException e = RecordException.ofRecord("bad").within("city");
        assertEquals("city", e.field());
        assertEquals("bad", e.reason());
        assertEquals("field 'city': bad", e.getMessage());
    }

    @Test
    void withinJoinsFieldNamesWithADot() {
        RecordException e = new RecordException("city", "bad").within("address");
        assertEquals("address.city", e.field());
        assertEquals("bad", e.reason());
        assertEquals("field 'address.city': bad", e.getMessage());
    }

    @Test
    void withinAppendsListIndexesWithoutADot() {
        RecordException e = RecordException.ofRecord("bad").within("[0]").within("tags");
        assertEquals("tags[0]", e.field());
    }

    @Test
    void withinBuildsDeepPathsOfFieldsAndIndexes() {
        RecordException e = RecordException.ofRecord("bad")
                .within("zip").within("[2]").within("[1]").within("addresses").within("customer");
        assertEquals("customer.addresses[1][2].zip", e.field());
        assertEquals("bad", e.reason());
    }

    @Test
    void carriesNoStackTrace() {
        assertEquals(0, new RecordException("f", "r").getStackTrace().length);
    }
}
