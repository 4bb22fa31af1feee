package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** The two endpoints of {@link BrazeFake}: whole-request checks, per-object checks, then the store. */
final class BrazeHandlers {

    private static final Logger log = LoggerFactory.getLogger(BrazeHandlers.class);

    private final BrazeStore store;
    private final BrazeSettings settings;
    private final BrazeResponses responses;
    private final Clock clock;

    BrazeHandlers(BrazeStore store, BrazeSettings settings, BrazeResponses responses, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.responses = responses;
        this.clock = clock;
    }

    /** POST /users/track. */
    FakeResponse track(FakeRequest request) {
        try {
            JsonNode body = parse(request);
            if (body == null) {
                throw BrazeFatal.track(TrackErrors.BAD_REQUEST, "body is not valid JSON");
            }
            TrackBatch batch = TrackParser.parse(body, settings);
            TrackValidator.Validation validation = TrackValidator.validate(batch, clock.instant(), settings);
            if (validation.valid().isEmpty() && settings.allInvalidIsFatal()) {
                // [3P] Braze answers 400 when no object at all is usable, listing every object's error.
                throw BrazeFatal.track(TrackErrors.NO_VALID_DATA,
                        validation.errors().stream().map(TrackError::toJson).toList());
            }
            BrazeStore.TrackOutcome outcome = store.track(validation, settings);
            return responses.json(settings.trackSuccessStatus(), success(batch, outcome));
        } catch (BrazeFatal fatal) {
            return fatal(request, fatal);
        }
    }

    /**
     * {"message":"success","attributes_processed":a,..,"errors":[..]}: a count only for the arrays the
     * request carried ("if attributes are included in the request", post_user_track.md), errors only when
     * there are some. The count is of objects applied; Braze words it as "the number of external_ids with
     * attributes that were queued" without saying whether two objects for one user count once.
     */
    private static ObjectNode success(TrackBatch batch, BrazeStore.TrackOutcome outcome) {
        ObjectNode body = Json.object().put("message", "success");
        for (InputArray array : InputArray.values()) {
            if (batch.has(array)) {
                body.put(array.json() + "_processed", outcome.processed().getOrDefault(array, 0));
            }
        }
        if (!outcome.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            outcome.errors().forEach(error -> errors.add(error.toJson()));
        }
        return body;
    }

    /** POST /users/delete → {"deleted":n,"message":"success"}. */
    FakeResponse delete(FakeRequest request) {
        try {
            JsonNode body = parse(request);
            if (body == null) {
                throw BrazeFatal.delete(TrackErrors.BAD_REQUEST);
            }
            List<DeleteTarget> targets = DeleteParser.parse(body, settings.maxDeleteIdentifiers());
            int deleted = store.delete(targets, settings.deleteCountsUnknownIds());
            return responses.json(settings.deleteSuccessStatus(),
                    Json.object().put("deleted", deleted).put("message", "success"));
        } catch (BrazeFatal fatal) {
            return fatal(request, fatal);
        }
    }

    private FakeResponse fatal(FakeRequest request, BrazeFatal fatal) {
        store.fatalRequest();
        log.debug("Braze fake: {} rejected: {}", request, fatal.getMessage());
        return responses.fatal(fatal);
    }

    /** The JSON body, or null when it is empty or not JSON. */
    private static JsonNode parse(FakeRequest request) {
        if (request.bodyLength() == 0) {
            return null;
        }
        try {
            JsonNode body = Json.parse(request.body());
            return body == null || body.isMissingNode() ? null : body;
        } catch (IOException e) {
            return null;
        }
    }
}
