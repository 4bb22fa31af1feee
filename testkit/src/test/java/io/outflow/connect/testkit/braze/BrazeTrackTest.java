package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.testkit.http.FaultKind;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.http.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import static io.outflow.connect.testkit.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrazeTrackTest extends BrazeFakeTestSupport {

    @Test
    void attributesCreateUpdateAndNullRemoves() throws Exception {
        start(b -> b);
        HttpResponse<String> created = track(q("{'attributes':[{'external_id':'u1','plan':'pro','seats':3,"
                + "'email':'a@x.com','signed_up':'2026-01-01T00:00:00Z','address':{'city':'Oslo'},'tags':['a','b','a']}]}"));
        assertSuccess(created, "'attributes_processed':1");
        assertEquals(Map.of("plan", "pro", "seats", 3, "email", "a@x.com", "signed_up", "2026-01-01T00:00:00Z",
                "address", Map.of("city", "Oslo"), "tags", List.of("a", "b")), fake.user("u1").orElseThrow());

        HttpResponse<String> updated = track(q("{'attributes':[{'external_id':'u1','plan':'team','seats':null,"
                + "'visits':{'inc':2},'tags':{'add':['c','a'],'remove':['b']}}]}"));
        assertEquals(201, updated.statusCode());
        assertEquals(Map.of("plan", "team", "email", "a@x.com", "signed_up", "2026-01-01T00:00:00Z",
                "address", Map.of("city", "Oslo"), "tags", List.of("c", "a"), "visits", 2), fake.user("u1").orElseThrow(),
                "upsert merges keys, null removes, inc counts from 0, add moves a present value to the end");
        assertEquals(List.of("u1"), List.copyOf(fake.users().keySet()));
        assertEquals(2, fake.counts().attributesProcessed());
    }

    @Test
    void updateOnlyForAnUnknownUserIsAPerObjectError() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'external_id':'known','a':1}]}"));
        HttpResponse<String> response = track(q("{'attributes':["
                + "{'external_id':'ghost','_update_existing_only':true,'a':1},"
                + "{'external_id':'known','_update_existing_only':true,'a':2},"
                + "{'user_alias':{'alias_name':'n','alias_label':'l'},'a':3}]}"));
        assertSuccess(response, "'attributes_processed':1",
                error("user not found: no profile matches and '_update_existing_only' is true", "attributes", 0),
                error("user not found: no profile matches and '_update_existing_only' is true", "attributes", 2));
        assertEquals(Optional.empty(), fake.user("ghost"));
        assertEquals(Map.of("a", 2), fake.user("known").orElseThrow());
        assertEquals(1, fake.profiles().size(), "an alias is update-only unless told otherwise");

        track(q("{'attributes':[{'user_alias':{'alias_name':'n','alias_label':'l'},'_update_existing_only':false,'a':3}]}"));
        BrazeProfile aliasOnly = fake.profiles().get(1);
        assertEquals(List.of(new UserAlias("n", "l")), aliasOnly.aliases());
        assertEquals(Map.of("a", 3), aliasOnly.attributes());
    }

    @Test
    void unknownUsersCanBeDroppedSilently() throws Exception {
        start(b -> b.reportUnknownUsers(false));
        HttpResponse<String> response = track(q("{'attributes':[{'external_id':'ghost','_update_existing_only':true,'a':1}]}"));
        assertSuccess(response, "'attributes_processed':1");
        assertTrue(fake.users().isEmpty());
    }

    @Test
    void eventsAreNeverDeduplicated() throws Exception {
        start(b -> b);
        String body = q("{'events':[{'external_id':'u1','name':'played','time':'2026-01-01T10:00:00+01:00',"
                + "'properties':{'song':'Solea','plays':2}}]}");
        assertSuccess(track(body), "'events_processed':1");
        assertSuccess(track(body), "'events_processed':1");

        List<BrazeEvent> events = fake.events("u1");
        assertEquals(2, events.size());
        BrazeEvent event = events.get(0);
        assertEquals("played", event.name());
        assertEquals(Instant.parse("2026-01-01T09:00:00Z"), event.time());
        assertEquals("2026-01-01T10:00:00+01:00", event.sentTime());
        assertEquals(Map.of("song", "Solea", "plays", 2), event.properties());
        assertEquals(event, new BrazeEvent(events.get(1).externalId(), events.get(1).brazeId(), events.get(1).name(),
                events.get(1).time(), events.get(1).sentTime(), events.get(1).appId(), events.get(1).properties()));
        assertTrue(fake.user("u1").isPresent(), "an event for a new external_id creates the profile");
        assertEquals(2, fake.counts().eventsProcessed());
    }

    @Test
    void futureEventTimesAreRecordedAsNow() throws Exception {
        start(b -> b);
        track(q("{'events':[{'external_id':'u1','name':'x','time':'2099-01-01T00:00:00Z'},"
                + "{'external_id':'u1','name':'y','time':'2026-03-04'}]}"));
        assertEquals(clock.instant(), fake.events().get(0).time());
        assertEquals(Instant.parse("2026-03-04T00:00:00Z"), fake.events().get(1).time(), "a date is midnight UTC");
    }

    @Test
    void purchasesAreRecorded() throws Exception {
        start(b -> b);
        HttpResponse<String> response = track(q("{'purchases':[{'external_id':'u1','product_id':'backpack',"
                + "'currency':'USD','price':12.5,'quantity':2,'time':'2026-01-01T00:00:00Z','properties':{'color':'red'}},"
                + "{'external_id':'u1','product_id':'pen','currency':'EUR','price':2,'time':'2026-01-02T00:00:00Z'}]}"));
        assertSuccess(response, "'purchases_processed':2");
        List<BrazePurchase> purchases = fake.purchases("u1");
        assertEquals(2, purchases.size());
        BrazePurchase first = purchases.get(0);
        assertEquals("backpack", first.productId());
        assertEquals("USD", first.currency());
        assertEquals(12.5, first.price());
        assertEquals(2, first.quantity());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), first.time());
        assertEquals(Map.of("color", "red"), first.properties());
        assertEquals(1, purchases.get(1).quantity(), "quantity defaults to 1");
    }

    @Test
    void seventySixObjectsAcrossTheArraysIsFatalAndNothingIsProcessed() throws Exception {
        start(b -> b);
        HttpResponse<String> response = track(batch(26, 25, 25));
        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertEquals("Max Input Length Exceeded", body.path("message").asText());
        assertTrue(body.path("errors").isArray() && !body.path("errors").isEmpty(), response.body());
        assertTrue(fake.users().isEmpty());
        assertTrue(fake.events().isEmpty());
        assertTrue(fake.purchases().isEmpty());
        assertEquals(1, fake.counts().fatalRequests());

        HttpResponse<String> atTheCap = track(batch(25, 25, 25));
        assertSuccess(atTheCap, "'attributes_processed':25,'events_processed':25,'purchases_processed':25");
    }

    @Test
    void capsAreConfigurable() throws Exception {
        start(b -> b.maxObjectsPerRequest(50));
        assertEquals(400, track(batch(20, 20, 11)).statusCode());
        fake.close();
        start(b -> b.capPerArray(true));
        assertEquals(201, track(batch(75, 75, 75)).statusCode(), "legacy accounts: 75 per array");
        assertEquals(400, track(batch(76, 0, 0)).statusCode());
    }

    @Test
    void problemObjectsAreReportedByIndexWhileTheOthersAreProcessed() throws Exception {
        start(b -> b);
        String tooLong = "x".repeat(256);
        HttpResponse<String> response = track(q("{"
                + "'attributes':[{'external_id':'u1','bio':'" + tooLong + "'},{'external_id':'u2','ok':true},"
                + "{'plan':'orphan'}],"
                + "'events':[{'external_id':'u1','name':'fine','time':'2026-01-01T00:00:00Z'},"
                + "{'external_id':'u1','time':'2026-01-01T00:00:00Z'},"
                + "{'external_id':'u1','name':'late','time':'yesterday'}],"
                + "'purchases':[{'external_id':'u2','product_id':'p','currency':'USD','price':1,'quantity':101,"
                + "'time':'2026-01-01T00:00:00Z'}]}"));
        assertSuccess(response, "'attributes_processed':1,'events_processed':1,'purchases_processed':0",
                error("'bio' is longer than 255 characters", "attributes", 0),
                error("'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required", "attributes", 2),
                error("'name' is required", "events", 1),
                error("'time' is not valid", "events", 2),
                error("'quantity' is not valid", "purchases", 0));
        assertEquals(Map.of("ok", true), fake.user("u2").orElseThrow());
        assertEquals(List.of("fine"), fake.events().stream().map(BrazeEvent::name).toList());
        assertTrue(fake.user("u1").isPresent(), "created by the valid event");
        assertEquals(Map.of(), fake.user("u1").orElseThrow(), "the errored attributes object changed nothing");
        assertEquals(5, fake.counts().objectErrors());
        assertEquals(5, fake.errors().size());
    }

    @Test
    void customAttributeLimits() throws Exception {
        start(b -> b.maxArrayLength(3));
        HttpResponse<String> response = track(q("{'attributes':["
                + "{'external_id':'u1','" + "k".repeat(256) + "':1},"
                + "{'external_id':'u1','list':['a','b','c','d']},"
                + "{'external_id':'u1','nested':{'deep':['" + "y".repeat(256) + "']}},"
                + "{'external_id':'u1','first_name':'" + "z".repeat(300) + "','list':['a','a','b','c','c']}]}"));
        assertEquals(201, response.statusCode());
        List<String> types = fake.errors().stream().map(TrackError::type).toList();
        assertEquals(List.of("a custom attribute key is longer than 255 characters", "'list' has more than 3 items",
                "'nested' is longer than 255 characters"), types);
        Map<String, Object> user = fake.user("u1").orElseThrow();
        assertEquals(List.of("a", "b", "c"), user.get("list"), "unique values, then the limit");
        assertEquals(300, ((String) user.get("first_name")).length(), "profile fields are not custom attributes");
    }

    @Test
    void anIncrementOfAStringIsAnErrorOfThatObjectOnly() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'external_id':'u1','level':'gold'}]}"));
        HttpResponse<String> response = track(q("{'attributes':[{'external_id':'u1','level':{'inc':1},'x':1},"
                + "{'external_id':'u1','visits':{'inc':1}}]}"));
        assertSuccess(response, "'attributes_processed':1",
                error("'level' cannot be incremented: it is not an integer", "attributes", 0));
        assertEquals(Map.of("level", "gold", "visits", 1), fake.user("u1").orElseThrow(), "x was not set either");
    }

    @Test
    void aRequestWithNoValidObjectIsFatalUnlessConfigured() throws Exception {
        start(b -> b);
        HttpResponse<String> response = track(q("{'events':[{'external_id':'u1','time':'2026-01-01T00:00:00Z'}]}"));
        assertFatal(response, "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
                error("'name' is required", "events", 0));
        assertEquals(0, fake.counts().objectErrors());
        fake.close();

        start(b -> b.allInvalidIsFatal(false));
        assertSuccess(track(q("{'events':[{'external_id':'u1','time':'2026-01-01T00:00:00Z'}]}")),
                "'events_processed':0", error("'name' is required", "events", 0));
    }

    @Test
    void malformedBodiesAreFatal() throws Exception {
        start(b -> b);
        for (String body : List.of("not json", "", "[]", q("{'attributes':{}}"), q("{}"), q("{'attributes':[]}"))) {
            HttpResponse<String> response = track(body);
            assertEquals(400, response.statusCode(), body);
            assertTrue(json(response).path("message").isTextual(), response.body());
            assertTrue(json(response).path("errors").isArray(), response.body());
        }
        assertEquals("Bad Request", json(track("not json")).path("message").asText());
        assertEquals("Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.",
                json(track("{}")).path("message").asText());
    }

    @Test
    void profilesAreFoundByEmailAndBrazeId() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'email':'solo@x.com','a':1},{'external_id':'u1','email':'both@x.com'}]}"));
        track(q("{'attributes':[{'email':'both@x.com','b':2},{'email':'solo@x.com','a':2}]}"));
        assertEquals(Map.of("email", "both@x.com", "b", 2), fake.user("u1").orElseThrow());
        assertEquals(2, fake.profiles().size());
        BrazeProfile emailOnly = fake.profiles().get(0);
        assertEquals(null, emailOnly.externalId());
        assertEquals(Map.of("email", "solo@x.com", "a", 2), emailOnly.attributes());

        String brazeId = emailOnly.brazeId();
        assertSuccess(track(q("{'events':[{'braze_id':'" + brazeId + "','name':'e','time':'2026-01-01T00:00:00Z'},"
                        + "{'braze_id':'ffffffffffffffffffffffff','name':'e','time':'2026-01-01T00:00:00Z'}]}")),
                "'events_processed':1", error("user not found: no profile has this 'braze_id'", "events", 1));
        assertEquals(brazeId, fake.events().get(0).brazeId());
    }

    @Test
    void wrongOrMissingKeyIs401() throws Exception {
        start(b -> b);
        String body = q("{'attributes':[{'external_id':'u1','a':1}]}");
        HttpResponse<String> wrong = http.postWithToken(fake.baseUrl() + BrazeFake.TRACK_PATH, "nope", body);
        assertEquals(401, wrong.statusCode());
        assertJson(q("{'message':'Invalid API Key'}"), wrong);
        assertEquals(401, http.post(fake.baseUrl() + BrazeFake.TRACK_PATH, body).statusCode());
        assertEquals(401, http.postWithToken(fake.baseUrl() + BrazeFake.DELETE_PATH, "nope", "{}").statusCode());
        assertTrue(fake.users().isEmpty());

        fake.auth().replaceWith("rotated");
        assertEquals(401, track(body).statusCode());
        assertEquals(201, http.postWithToken(fake.baseUrl() + BrazeFake.TRACK_PATH, "rotated", body).statusCode());
    }

    @Test
    void droppedAfterApplyIsCountedAndTheRetryDuplicatesEvents() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.DROP_AFTER_APPLY)));
        String body = q("{'events':[{'external_id':'u1','name':'x','time':'2026-01-01T00:00:00Z'}]}");
        assertThrows(IOException.class, () -> track(body));
        fake.faults().disable();
        assertEquals(201, track(body).statusCode());
        assertEquals(2, fake.events().size());
        assertEquals(1, fake.appliedThenDropped());
    }

    @Test
    void injectedFaultsUseBrazeErrorShape() throws Exception {
        start(b -> b.faults(FaultPlan.always(FaultKind.HTTP_500)));
        HttpResponse<String> response = track(q("{'attributes':[{'external_id':'u1'}]}"));
        assertEquals(500, response.statusCode());
        assertJson(q("{'message':'Internal Server Error'}"), response);
        assertTrue(fake.users().isEmpty());
    }

    @Test
    void stateViewAndReset() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'external_id':'u1','a':1}],'events':[{'external_id':'u1','name':'e',"
                + "'time':'2026-01-01T00:00:00Z'}]}"));
        delete(q("{'external_ids':['gone']}"));

        JsonNode state = json(http.get(fake.baseUrl() + "/_fake/state"));
        assertEquals("u1", state.path("users").path(0).path("external_id").asText());
        assertEquals(1, state.path("users").path(0).path("attributes").path("a").asInt());
        assertEquals("e", state.path("recentEvents").path(0).path("name").asText());
        assertEquals("gone", state.path("recentDeletedIds").path(0).asText());
        assertEquals(1, state.path("counts").path("attributesProcessed").asInt());
        assertEquals(Json.parse(Json.string(fake.stateJson())), state);

        fake.reset();
        assertTrue(fake.users().isEmpty());
        assertTrue(fake.events().isEmpty());
        assertTrue(fake.deletedIds().isEmpty());
        assertEquals(new BrazeCounts(0, 0, 0, 0, 0, 0, 0), fake.counts());
        assertEquals(0, fake.requestLog().size());
        track(q("{'attributes':[{'external_id':'u2'}]}"));
        assertEquals(String.format("%024x", 1), fake.profiles().get(0).brazeId(), "braze_ids restart");
    }

    /** A body with the given number of valid objects in each array (0 leaves the array out). */
    private static String batch(int attributes, int events, int purchases) {
        StringBuilder body = new StringBuilder("{");
        appendArray(body, "attributes", attributes, i -> "{\"external_id\":\"a" + i + "\",\"n\":" + i + "}");
        appendArray(body, "events", events,
                i -> "{\"external_id\":\"e" + i + "\",\"name\":\"x\",\"time\":\"2026-01-01T00:00:00Z\"}");
        appendArray(body, "purchases", purchases, i -> "{\"external_id\":\"p" + i
                + "\",\"product_id\":\"x\",\"currency\":\"USD\",\"price\":1,\"time\":\"2026-01-01T00:00:00Z\"}");
        return body.append("}").toString();
    }

    private static void appendArray(StringBuilder body, String name, int count,
                                    IntFunction<String> object) {
        if (count == 0) {
            return;
        }
        body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(object.apply(i));
        }
        body.append(']');
    }
}
