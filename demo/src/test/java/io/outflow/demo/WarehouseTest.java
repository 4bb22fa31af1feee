package io.outflow.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse SQL on an in-memory DuckDB: the seed, the model, a day passing and the changed-rows query. */
class WarehouseTest {
    private Warehouse warehouse;

    @BeforeEach
    void seed() {
        warehouse = Warehouse.inMemory();
        warehouse.seed();
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void theModelHasOneRowPerCustomerWithScoresInRange() {
        List<ModelRow> model = warehouse.runModel();

        assertEquals(240, model.size());
        assertEquals(240, model.stream().map(ModelRow::customerId).distinct().count());
        for (ModelRow row : model) {
            long health = row.number("health_score");
            assertTrue(health >= 0 && health <= 100, row.toString());
            assertTrue(Set.of("low", "medium", "high").contains(row.text("churn_risk")), row.toString());
            assertTrue(Set.of("champion", "growing", "steady", "new", "at_risk", "churned")
                    .contains(row.text("segment")), row.toString());
            assertTrue(row.number("lifetime_value") > 0, "every seeded customer has an order: " + row);
        }
        // Every segment but "churned" (nobody has churned yet) shows up.
        assertEquals(Set.of("champion", "growing", "steady", "new", "at_risk"),
                model.stream().map(r -> r.text("segment")).collect(Collectors.toSet()));
    }

    @Test
    void theModelComputesTheDocumentedScore() {
        ModelRow first = byId(warehouse.runModel()).get("C-0001");

        // C-0001: starter plan, one order of 49.00 within 90 days, no open tickets, seen today:
        // 62 + 8*1 (orders) - 0 (tickets) + 12 (seen within a week) + 0 (plan) = 82.
        assertEquals(Map.of("customer_id", "C-0001", "email", "ada.lovelace@acme.example", "full_name", "Ada Lovelace",
                "health_score", 82, "churn_risk", "low", "segment", "steady", "orders_90d", 1, "open_tickets", 0),
                Map.of("customer_id", first.get("customer_id"), "email", first.get("email"),
                        "full_name", first.get("full_name"), "health_score", first.get("health_score"),
                        "churn_risk", first.get("churn_risk"), "segment", first.get("segment"),
                        "orders_90d", first.get("orders_90d"), "open_tickets", first.get("open_tickets")));
        assertEquals("49.00", first.text("lifetime_value"));
        assertEquals("2026-11-23 09:00:00", first.text("last_seen_at"));
        assertEquals("2026-12-01", first.text("renewal_date"));
    }

    @Test
    void theSeedHasTheDeliberatelyBadRows() {
        Map<String, ModelRow> model = byId(warehouse.runModel());

        assertEquals("maria.gomez(at)cyberdyne.example", model.get("C-0007").text("email"));
        assertNull(model.get("C-0013").text("email"));
        assertTrue(model.get("C-0021").text("account_name").length() > 255);
        long tooLong = model.values().stream().filter(r -> r.text("account_name").length() > 255).count();
        assertEquals(1, tooLong);
    }

    @Test
    void theFirstPublishIsTheWholeModelAndAnUnchangedModelPublishesNothing() {
        List<ModelRow> model = warehouse.runModel();

        assertEquals(model, warehouse.changedRows());
        warehouse.markPublished();
        warehouse.runModel();
        assertEquals(List.of(), warehouse.changedRows());
    }

    @Test
    void afterADayOnlyTheRowsWhoseOutputChangedArePublished() {
        Map<String, ModelRow> before = byId(warehouse.runModel());
        warehouse.changedRows();
        warehouse.markPublished();

        warehouse.passADay();
        Map<String, ModelRow> after = byId(warehouse.runModel());
        List<ModelRow> changed = warehouse.changedRows();

        Set<String> expected = new TreeSet<>();
        after.forEach((id, row) -> {
            if (!row.equals(before.get(id))) {
                expected.add(id);
            }
        });
        assertEquals(expected, changed.stream().map(ModelRow::customerId).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(expected.size() > 10 && expected.size() < 60, "a day changes some rows, not all: " + expected);
        // Published with their new values.
        changed.forEach(row -> assertEquals(after.get(row.customerId()), row));

        ModelRow churned = after.get("C-0042");
        assertEquals(0L, churned.number("health_score"));
        assertEquals("high", churned.text("churn_risk"));
        assertEquals("churned", churned.text("segment"));
        assertTrue(expected.contains("C-0042"));
        assertTrue(expected.contains("C-0241"), "the new customer is published");
        assertFalse(before.containsKey("C-0241"));
        assertEquals(before.get("C-0001"), after.get("C-0001"), "an unchanged customer stays unchanged");
        assertFalse(expected.contains("C-0001"));

        // The previously published row is what changes.sql compares with.
        assertEquals(before.get("C-0042"), warehouse.published("C-0042").orElseThrow());
        warehouse.markPublished();
        assertEquals(after.get("C-0042"), warehouse.published("C-0042").orElseThrow());
        assertEquals(List.of(), warehouse.changedRows());
    }

    @Test
    void scriptsSplitIntoStatementsWithoutCommentOnlyPieces() {
        List<String> statements = Warehouse.statements("-- header\n\nCREATE TABLE t (x INT);\n"
                + "INSERT INTO t VALUES (1);\n-- a comment alone;\nSELECT 'a;b' FROM t;\n");

        assertEquals(List.of("-- header\n\nCREATE TABLE t (x INT)", "INSERT INTO t VALUES (1)", "SELECT 'a;b' FROM t"),
                statements);
    }

    private static Map<String, ModelRow> byId(List<ModelRow> rows) {
        return rows.stream().collect(Collectors.toMap(ModelRow::customerId, Function.identity()));
    }
}
