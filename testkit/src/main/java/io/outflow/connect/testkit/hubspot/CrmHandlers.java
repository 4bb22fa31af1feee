package io.outflow.connect.testkit.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The three batch endpoints of CRM v3 objects (spec: PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json).
 * Whole-request problems are 400s thrown by {@link BatchParser} before anything is applied; per-input problems
 * make a 207 in which the valid inputs were applied.
 */
final class CrmHandlers {

    private final CrmStore store;
    private final PropertyRules rules;
    private final BatchAnswers answers;
    private final int maxInputs;
    private final Clock clock;

    CrmHandlers(CrmStore store, PropertyRules rules, BatchAnswers answers, int maxInputs, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.answers = answers;
        this.maxInputs = maxInputs;
        this.clock = clock;
    }

    /** POST /crm/v3/objects/{objectType}/batch/upsert. */
    FakeResponse upsert(FakeRequest request) {
        Instant startedAt = clock.instant();
        String objectType = objectType(request);
        List<UpsertInput> inputs = BatchParser.upsertInputs(BatchParser.body(request), maxInputs);
        List<UpsertInput> valid = new ArrayList<>(inputs.size());
        List<ObjectNode> errors = new ArrayList<>();
        for (UpsertInput input : inputs) {
            List<PropertyError> problems = rules.check(input);
            if (problems.isEmpty()) {
                valid.add(input);
            } else {
                errors.add(answers.invalidProperties(input.id(), problems));
            }
        }
        ArrayNode results = store.upsert(objectType, valid, startedAt);
        return answers.answer(results, errors, startedAt, clock.instant());
    }

    /** POST /crm/v3/objects/{objectType}/batch/read. */
    FakeResponse read(FakeRequest request) {
        Instant startedAt = clock.instant();
        String objectType = objectType(request);
        ReadRequest read = BatchParser.readRequest(BatchParser.body(request), maxInputs);
        CrmStore.ReadOutcome outcome = store.read(objectType, read);
        List<ObjectNode> errors = outcome.missing().isEmpty()
                ? List.of() : List.of(answers.notFound(objectType, outcome.missing()));
        return answers.answer(outcome.results(), errors, startedAt, clock.instant());
    }

    /** POST /crm/v3/objects/{objectType}/batch/archive: 204 with no body, whatever the ids. */
    FakeResponse archive(FakeRequest request) {
        String objectType = objectType(request);
        List<String> ids = BatchParser.archiveIds(BatchParser.body(request), maxInputs);
        store.archive(objectType, ids);
        return FakeResponse.empty(204);
    }

    private static String objectType(FakeRequest request) {
        return ObjectTypes.canonical(request.pathParam("objectType"));
    }
}
