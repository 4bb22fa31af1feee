package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.ManualClock;
import io.outflow.connect.testkit.TestHttp;
import io.outflow.connect.testkit.http.Json;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import static io.outflow.connect.testkit.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Starts a {@link BrazeFake} on a manual clock and talks to it with a real java.net.http client. */
abstract class BrazeFakeTestSupport {

    static final String KEY = "braze-key";

    final TestHttp http = new TestHttp();
    final ManualClock clock = ManualClock.startingAtRoundSecond();
    BrazeFake fake;

    @AfterEach
    void close() {
        if (fake != null) {
            fake.close();
        }
    }

    BrazeFake start(UnaryOperator<BrazeFake.Builder> options) {
        fake = options.apply(BrazeFake.builder().apiKey(KEY).clock(clock).seed(42)).build().start();
        return fake;
    }

    HttpResponse<String> track(String body) throws IOException {
        return http.postWithToken(fake.baseUrl() + BrazeFake.TRACK_PATH, KEY, body);
    }

    HttpResponse<String> delete(String body) throws IOException {
        return http.postWithToken(fake.baseUrl() + BrazeFake.DELETE_PATH, KEY, body);
    }

    static void assertJson(String expected, HttpResponse<String> response) {
        assertEquals(Json.parse(expected), json(response), response.body());
    }

    /** 201 {"message":"success", <counts>[, "errors":[..]]}; counts in single-quoted JSON, e.g. "'events_processed':1". */
    static void assertSuccess(HttpResponse<String> response, String counts, TrackError... errors) {
        ObjectNode expected = Json.object().put("message", "success");
        expected.setAll((ObjectNode) Json.parse(q("{" + counts + "}")));
        if (errors.length > 0) {
            ArrayNode array = expected.putArray("errors");
            for (TrackError error : errors) {
                array.add(error.toJson());
            }
        }
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(expected, json(response), response.body());
    }

    /** 400 {"message": message, "errors": [errors]}. */
    static void assertFatal(HttpResponse<String> response, String message, TrackError... errors) {
        ObjectNode expected = Json.object().put("message", message);
        ArrayNode array = expected.putArray("errors");
        for (TrackError error : errors) {
            array.add(error.toJson());
        }
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(expected, json(response), response.body());
    }

    static TrackError error(String type, String inputArray, int index) {
        return new TrackError(type, inputArray, index);
    }

    /** JSON with single quotes, to keep the test bodies readable (not for texts that contain quotes). */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
