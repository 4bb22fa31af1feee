package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a /users/delete body (braze-docs {@code _docs/_api/endpoints/user_data/post_user_delete.md}),
 * each failure a 400 with nothing deleted: "Up to 50 external_ids, user_aliases, braze_ids, email_addresses, or
 * phone_numbers can be included in a single request. Only one of [them] can be included in a single request."
 * Email and phone entries are objects {@code {"email"|"phone": .., "prioritization": [..]}}: "an additional
 * prioritization value is required", from {@code identified}, {@code unidentified} (not both) and
 * {@code most_recently_updated}. The docs name the phone entry's field nowhere; "phone" is this fake's choice.
 * Over the limit the texts are errors.md's; every other text is this fake's choice. A list that is present
 * but empty is accepted and deletes nothing (the docs are silent).
 */
final class DeleteParser {

    private static final Set<String> PRIORITIES = Set.of("identified", "unidentified", "most_recently_updated");
    private static final String ONE_OF =
            "'external_ids', 'user_aliases', 'braze_ids', 'email_addresses' or 'phone_numbers'";

    private DeleteParser() {
    }

    static List<DeleteTarget> parse(JsonNode body, int maxIdentifiers) {
        if (body == null || !body.isObject()) {
            throw BrazeFatal.delete(TrackErrors.BAD_REQUEST);
        }
        DeleteTarget.Type type = onlyType(body);
        JsonNode list = body.get(type.field());
        if (!list.isArray()) {
            throw BrazeFatal.delete("'" + type.field() + "' must be an array");
        }
        if (list.size() > maxIdentifiers) {
            boolean idsOrAliases = type == DeleteTarget.Type.EXTERNAL_IDS || type == DeleteTarget.Type.USER_ALIASES;
            throw BrazeFatal.delete(idsOrAliases ? TrackErrors.MAX_EXTERNAL_IDS_AND_ALIASES : TrackErrors.MAX_IDS);
        }
        List<DeleteTarget> targets = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            targets.add(target(type, list.get(i)).orElseThrow(() ->
                    BrazeFatal.delete("'" + type.field() + "' entry " + index + " is not valid")));
        }
        return targets;
    }

    private static DeleteTarget.Type onlyType(JsonNode body) {
        DeleteTarget.Type found = null;
        for (DeleteTarget.Type type : DeleteTarget.Type.values()) {
            JsonNode list = body.get(type.field());
            if (list == null || list.isNull()) {
                continue;
            }
            if (found != null) {
                throw BrazeFatal.delete("Only one of " + ONE_OF + " can be included in a single request");
            }
            found = type;
        }
        if (found == null) {
            throw BrazeFatal.delete("One of " + ONE_OF + " is required");
        }
        return found;
    }

    private static Optional<DeleteTarget> target(DeleteTarget.Type type, JsonNode entry) {
        return switch (type) {
            case EXTERNAL_IDS, BRAZE_IDS -> text(entry).map(id -> new DeleteTarget(type, id, null, List.of()));
            case USER_ALIASES -> UserAlias.parse(entry).map(alias -> new DeleteTarget(type, null, alias, List.of()));
            case EMAIL_ADDRESSES -> prioritized(type, entry, "email");
            case PHONE_NUMBERS -> prioritized(type, entry, "phone");
        };
    }

    private static Optional<DeleteTarget> prioritized(DeleteTarget.Type type, JsonNode entry, String field) {
        if (!entry.isObject()) {
            return Optional.empty();
        }
        Optional<String> value = text(entry.get(field));
        Optional<List<String>> prioritization = prioritization(entry.get("prioritization"));
        if (value.isEmpty() || prioritization.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeleteTarget(type, value.get(), null, prioritization.get()));
    }

    private static Optional<List<String>> prioritization(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || !PRIORITIES.contains(item.textValue())) {
                return Optional.empty();
            }
            values.add(item.textValue());
        }
        if (values.contains("identified") && values.contains("unidentified")) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isEmpty()
                ? Optional.of(node.textValue()) : Optional.empty();
    }
}
