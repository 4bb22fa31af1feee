package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's users, applied by create_or_update_many and destroy_many jobs. Thread-safe.
 * <p>
 * Matching: an input with an external_id matches on external_id only; an input with just an email matches on
 * email. Both comparisons ignore case (spec, UserForAdmin.external_id: "The API treats the id as case
 * insensitive"). When an input's external_id matches nobody, the docs do not say whether Zendesk then tries the
 * email: by default the fake creates a new user, which fails if another user already has that email (Zendesk
 * emails are unique identities); {@code emailFallbackMatch} makes it update the user owning the email instead.
 * <p>
 * Updates merge: fields sent replace the stored ones, fields not sent are kept, and {@code user_fields} is merged
 * key by key. The external id takes the case of the latest request (spec, CreateOrUpdateUser: "the system will
 * update the user's external id to match the case"; the many endpoint is silent, the fake does the same). The
 * primary email is "Writeable on create only. On update, a secondary email is added" (spec, UserForAdmin.email):
 * another email on update lands in the fake-only list {@code secondary_emails}, and matches later requests too.
 */
final class UserStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Clock clock;
    private final UserRules rules;
    private final boolean emailFallbackMatch;
    private final long firstId;
    private final Map<Long, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, Long> byExternalId = new HashMap<>();
    private final Map<String, Long> byEmail = new HashMap<>();
    private final Map<Long, Integer> writes = new HashMap<>();
    private final List<String> deletedKeys = new ArrayList<>();
    private long nextId;

    UserStore(Clock clock, UserRules rules, boolean emailFallbackMatch, long firstId) {
        this.clock = clock;
        this.rules = rules;
        this.emailFallbackMatch = emailFallbackMatch;
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /** Applies the users in order (a later entry sees an earlier one's effect) and returns one result each. */
    synchronized ArrayNode upsert(List<UserInput> inputs) {
        ArrayNode results = Json.array();
        for (UserInput input : inputs) {
            results.add(upsertOne(input));
        }
        return results;
    }

    private ObjectNode upsertOne(UserInput input) {
        Long existing = match(input);
        boolean creating = existing == null;
        Optional<String> problem = rules.check(input, creating).or(() -> emailTakenByAnother(input, existing));
        if (problem.isPresent()) {
            return JobResults.failed(input, existing, problem.get());
        }
        long id = creating ? create(input) : update(existing, input);
        writes.merge(id, 1, Integer::sum);
        return JobResults.applied(input, id, creating);
    }

    private Long match(UserInput input) {
        Optional<String> externalId = input.externalId();
        if (externalId.isPresent()) {
            Long found = byExternalId.get(Keys.fold(externalId.get()));
            if (found != null || !emailFallbackMatch) {
                return found;
            }
        }
        return input.email().map(email -> byEmail.get(Keys.fold(email))).orElse(null);
    }

    private Optional<String> emailTakenByAnother(UserInput input, Long self) {
        return input.email().filter(email -> {
            Long owner = byEmail.get(Keys.fold(email));
            return owner != null && !owner.equals(self);
        }).map(email -> "Email: " + email + " is already being used by another user");
    }

    private long create(UserInput input) {
        long id = nextId++;
        String now = Timestamps.iso(clock.millis());
        ObjectNode user = Json.object().put("id", id);
        // Spec, CreateOrUpdateUser: "If you don't specify a role parameter, the new user is assigned the role of end user."
        user.put("role", "end-user").put("created_at", now);
        merge(user, input.fields(), true);
        user.put("updated_at", now);
        users.put(id, user);
        index(id, user);
        return id;
    }

    private long update(long id, UserInput input) {
        ObjectNode user = users.get(id);
        unindex(id, user);
        merge(user, input.fields(), false);
        user.put("updated_at", Timestamps.iso(clock.millis()));
        index(id, user);
        return id;
    }

    private static void merge(ObjectNode user, ObjectNode fields, boolean creating) {
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "id" -> {
                    // Assigned by Zendesk, never written by a request.
                }
                case "email" -> mergeEmail(user, value, creating);
                case "user_fields" -> mergeObject(user, name, value);
                default -> user.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeEmail(ObjectNode user, JsonNode email, boolean creating) {
        if (email.isNull()) {
            return;
        }
        JsonNode primary = user.get("email");
        if (creating || primary == null || primary.isNull()) {
            user.put("email", email.asText());
            return;
        }
        if (Keys.fold(primary.asText()).equals(Keys.fold(email.asText()))) {
            return;
        }
        ArrayNode secondary = user.has("secondary_emails") ? (ArrayNode) user.get("secondary_emails")
                : user.putArray("secondary_emails");
        for (JsonNode known : secondary) {
            if (Keys.fold(known.asText()).equals(Keys.fold(email.asText()))) {
                return;
            }
        }
        secondary.add(email.asText());
    }

    /** Key-by-key merge of a custom-field object; null replaces the whole object (clears it). */
    static void mergeObject(ObjectNode target, String name, JsonNode value) {
        JsonNode current = target.get(name);
        if (value.isObject() && current != null && current.isObject()) {
            ((ObjectNode) current).setAll((ObjectNode) value.deepCopy());
        } else {
            target.set(name, value.deepCopy());
        }
    }

    private void index(long id, ObjectNode user) {
        text(user, "external_id").ifPresent(externalId -> byExternalId.put(Keys.fold(externalId), id));
        for (String email : emails(user)) {
            byEmail.put(Keys.fold(email), id);
        }
    }

    private void unindex(long id, ObjectNode user) {
        text(user, "external_id").ifPresent(externalId -> byExternalId.remove(Keys.fold(externalId), id));
        for (String email : emails(user)) {
            byEmail.remove(Keys.fold(email), id);
        }
    }

    private static List<String> emails(ObjectNode user) {
        List<String> emails = new ArrayList<>();
        text(user, "email").ifPresent(emails::add);
        user.path("secondary_emails").forEach(email -> emails.add(email.asText()));
        return emails;
    }

    private static Optional<String> text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    /** Deletes in order; unknown ids or external ids are reported as {@code unknown} says. */
    synchronized ArrayNode delete(List<DeleteTarget> targets, UnknownDeleteResult unknown) {
        ArrayNode results = Json.array();
        for (DeleteTarget target : targets) {
            deletedKeys.add(target.requested());
            Long id = target.byId() ? (users.containsKey(target.id()) ? target.id() : null)
                    : byExternalId.get(Keys.fold(target.externalId()));
            if (id == null) {
                results.add(JobResults.unknown(target, unknown));
                continue;
            }
            unindex(id, users.remove(id));
            writes.remove(id);
            results.add(JobResults.deleted(target, id));
        }
        return results;
    }

    /** The key tests use: the external id as last sent, else the lower-case primary email, else "#id". */
    private static String key(ObjectNode user) {
        return text(user, "external_id")
                .or(() -> text(user, "email").map(Keys::fold))
                .orElseGet(() -> "#" + user.get("id").asLong());
    }

    /** The live user with this external id (any case) or, failing that, this email. */
    private Optional<Long> find(String key) {
        Long id = byExternalId.get(Keys.fold(key));
        return Optional.ofNullable(id != null ? id : byEmail.get(Keys.fold(key)));
    }

    synchronized Map<String, Map<String, Object>> users() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        users.values().forEach(user -> copy.put(key(user), toMap(user)));
        return copy;
    }

    synchronized Optional<Map<String, Object>> user(String key) {
        return find(key).map(users::get).map(UserStore::toMap);
    }

    synchronized int writeCount(String key) {
        return find(key).map(id -> writes.getOrDefault(id, 0)).orElse(0);
    }

    synchronized Map<String, Integer> writeCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        users.forEach((id, user) -> counts.put(key(user), writes.getOrDefault(id, 0)));
        return counts;
    }

    synchronized List<String> deletedKeys() {
        return List.copyOf(deletedKeys);
    }

    synchronized void reset() {
        users.clear();
        byExternalId.clear();
        byEmail.clear();
        writes.clear();
        deletedKeys.clear();
        nextId = firstId;
    }

    synchronized ObjectNode toJson() {
        ObjectNode state = Json.object();
        ObjectNode usersNode = state.putObject("users");
        users.values().forEach(user -> usersNode.set(key(user), user.deepCopy()));
        state.set("userWrites", Json.mapper().valueToTree(writeCounts()));
        state.set("deletedUsers", Json.mapper().valueToTree(deletedKeys));
        return state;
    }

    private static Map<String, Object> toMap(ObjectNode user) {
        return Json.mapper().convertValue(user, MAP);
    }
}
