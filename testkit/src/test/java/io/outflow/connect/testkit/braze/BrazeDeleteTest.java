package io.outflow.connect.testkit.braze;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.outflow.connect.testkit.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrazeDeleteTest extends BrazeFakeTestSupport {

    @Test
    void deleteByExternalIdsCountsOnlyKnownProfiles() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'external_id':'u1','a':1},{'external_id':'u2','a':2}],"
                + "'events':[{'external_id':'u1','name':'e','time':'2026-01-01T00:00:00Z'}]}"));
        HttpResponse<String> response = delete(q("{'external_ids':['u1','unknown']}"));
        assertEquals(202, response.statusCode());
        assertJson(q("{'deleted':1,'message':'success'}"), response);
        assertEquals(List.of("u2"), List.copyOf(fake.users().keySet()));
        assertEquals(List.of("u1", "unknown"), fake.deletedIds());
        assertEquals(1, fake.events("u1").size(), "recorded events stay");
        assertEquals(1, fake.counts().usersDeleted());

        assertJson(q("{'deleted':0,'message':'success'}"), delete(q("{'external_ids':['u1']}")));
    }

    @Test
    void deleteByAliasAndByEmailWithPrioritization() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'user_alias':{'alias_name':'n1','alias_label':'crm'},'_update_existing_only':false},"
                + "{'email':'shared@x.com','anonymous':true},{'external_id':'u1','email':'shared@x.com'}]}"));
        assertEquals(3, fake.profiles().size(), "an alias-only, an email-only and an identified profile");

        assertJson(q("{'deleted':1,'message':'success'}"),
                delete(q("{'user_aliases':[{'alias_name':'n1','alias_label':'crm'}]}")));
        assertEquals(List.of("crm:n1"), fake.deletedIds());

        assertJson(q("{'deleted':1,'message':'success'}"), delete(q("{'email_addresses':[{'email':'shared@x.com',"
                + "'prioritization':['unidentified','most_recently_updated']}]}")));
        assertTrue(fake.user("u1").isPresent(), "the unidentified profile went");
        assertEquals(1, fake.profiles().size());
    }

    @Test
    void twoIdentifierTypesInOneRequestIs400() throws Exception {
        start(b -> b);
        track(q("{'attributes':[{'external_id':'u1'}]}"));
        HttpResponse<String> response = delete(q("{'external_ids':['u1'],'braze_ids':['x']}"));
        assertEquals(400, response.statusCode());
        assertEquals("Only one of 'external_ids', 'user_aliases', 'braze_ids', 'email_addresses' or 'phone_numbers'"
                + " can be included in a single request", json(response).path("message").asText());
        assertTrue(fake.user("u1").isPresent(), "nothing deleted");
        assertTrue(fake.deletedIds().isEmpty());
    }

    @Test
    void moreThanFiftyIdentifiersIs400() throws Exception {
        start(b -> b);
        HttpResponse<String> tooMany = delete("{\"external_ids\":" + ids(51) + "}");
        assertEquals(400, tooMany.statusCode());
        assertEquals("The max number of external_ids and aliases per request was exceeded",
                json(tooMany).path("message").asText());
        assertEquals("The max number of ids per request was exceeded",
                json(delete("{\"braze_ids\":" + ids(51) + "}")).path("message").asText());
        assertTrue(fake.deletedIds().isEmpty());
        assertEquals(202, delete("{\"external_ids\":" + ids(50) + "}").statusCode());
        assertEquals(2, fake.counts().fatalRequests());
    }

    @Test
    void malformedDeletesAre400() throws Exception {
        start(b -> b);
        for (String body : List.of("{}", "not json", q("{'external_ids':'u1'}"), q("{'external_ids':[1]}"),
                q("{'email_addresses':['a@x.com']}"), q("{'email_addresses':[{'email':'a@x.com'}]}"),
                q("{'phone_numbers':[{'phone':'+1555','prioritization':['identified','unidentified']}]}"),
                q("{'user_aliases':[{'alias_name':'n'}]}"))) {
            HttpResponse<String> response = delete(body);
            assertEquals(400, response.statusCode(), body);
            assertTrue(json(response).path("message").isTextual(), response.body());
        }
    }

    @Test
    void unknownIdsCanBeCounted() throws Exception {
        start(b -> b.deleteCountsUnknownIds(true).deleteSuccessStatus(200));
        HttpResponse<String> response = delete(q("{'braze_ids':['a','b']}"));
        assertEquals(200, response.statusCode());
        assertJson(q("{'deleted':2,'message':'success'}"), response);
    }

    private static String ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"id" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
