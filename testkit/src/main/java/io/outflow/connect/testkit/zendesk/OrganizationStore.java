package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeHttpException;
import io.outflow.connect.testkit.http.Json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The account's organizations, written synchronously by create_or_update and deleted by destroy_many jobs.
 * Thread-safe.
 * <p>
 * Spec, CreateOrUpdateOrganization: "You need to specify the id or external id when updating an organization to
 * avoid a duplicate error response. Name is not available as a matching criteria." So an input matches on
 * {@code id} if given, else on {@code external_id} (case-insensitive, spec OrganizationObject.external_id);
 * otherwise it is a create. Names are unique (spec: "A unique name for the organization"); a clash is the 422
 * DuplicateValue of the brief. The facts do not say whether the name comparison ignores case: the fake ignores it.
 */
final class OrganizationStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** A written organization and whether it was created (201) or updated (200). */
    record Write(boolean created, ObjectNode organization) {
    }

    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final long firstId;
    private final Map<Long, ObjectNode> organizations = new LinkedHashMap<>();
    private final Map<String, Long> byExternalId = new HashMap<>();
    private final Map<String, Long> byName = new HashMap<>();
    private final Map<Long, Integer> writes = new HashMap<>();
    private final List<String> deletedKeys = new ArrayList<>();
    private long nextId;

    OrganizationStore(Clock clock, Supplier<String> baseUrl, long firstId) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.firstId = firstId;
        this.nextId = firstId;
    }

    /** POST /api/v2/organizations/create_or_update; throws the 404 / 422 answers. */
    synchronized Write createOrUpdate(ObjectNode input) {
        Long existing = match(input);
        checkName(input, existing);
        checkExternalId(input, existing);
        boolean creating = existing == null;
        long id = creating ? create(input) : update(existing, input);
        writes.merge(id, 1, Integer::sum);
        return new Write(creating, render(organizations.get(id)));
    }

    private Long match(ObjectNode input) {
        JsonNode id = input.get("id");
        if (id != null && !id.isNull()) {
            if (!id.canConvertToExactIntegral() && !(id.isTextual() && id.textValue().matches("\\d+"))) {
                throw ZendeskErrors.badRequest("id must be an integer");
            }
            long value = id.asLong();
            if (!organizations.containsKey(value)) {
                // An id that matches nothing: the spec is silent; Zendesk answers unknown ids with RecordNotFound.
                throw new FakeHttpException(ZendeskErrors.notFound());
            }
            return value;
        }
        return text(input, "external_id").map(externalId -> byExternalId.get(Keys.fold(externalId))).orElse(null);
    }

    private void checkName(ObjectNode input, Long self) {
        JsonNode name = input.get("name");
        boolean blank = name == null || name.isNull() || name.asText().isBlank();
        if (blank && (self == null || name != null)) {
            // Spec, OrganizationObject: "required: name". The wording is Zendesk-like; the facts give no text.
            throw ZendeskErrors.recordInvalid("name", "Name: cannot be blank", "BlankValue");
        }
        if (!blank) {
            Long owner = byName.get(Keys.fold(name.asText()));
            if (owner != null && !owner.equals(self)) {
                throw ZendeskErrors.recordInvalid("name", "Name: has already been taken", "DuplicateValue");
            }
        }
    }

    /** Spec, OrganizationObject.external_id: "A unique external id". Only reachable when matching by id. */
    private void checkExternalId(ObjectNode input, Long self) {
        text(input, "external_id").ifPresent(externalId -> {
            Long owner = byExternalId.get(Keys.fold(externalId));
            if (owner != null && !owner.equals(self)) {
                throw ZendeskErrors.recordInvalid("external_id", "External ID: has already been taken",
                        "DuplicateValue");
            }
        });
    }

    /** Defaults as in the spec's CreatedOrganizationResponseExample, in its field order. */
    private long create(ObjectNode input) {
        long id = nextId++;
        String now = Timestamps.iso(clock.millis());
        ObjectNode organization = Json.object().put("created_at", now).putNull("details");
        organization.putArray("domain_names");
        organization.putNull("external_id").putNull("group_id").put("id", id).putNull("name").putNull("notes")
                .putNull("organization_fields").put("shared_comments", false).put("shared_tickets", false);
        organization.putArray("tags");
        organization.put("updated_at", now);
        merge(organization, input);
        organizations.put(id, organization);
        index(id, organization);
        return id;
    }

    private long update(long id, ObjectNode input) {
        ObjectNode organization = organizations.get(id);
        unindex(id, organization);
        merge(organization, input);
        organization.put("updated_at", Timestamps.iso(clock.millis()));
        index(id, organization);
        return id;
    }

    /** Fields sent replace stored ones; organization_fields is merged key by key, like user_fields. */
    private static void merge(ObjectNode organization, ObjectNode input) {
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            switch (field.getKey()) {
                case "id", "url", "created_at", "updated_at" -> {
                    // Read-only in the spec.
                }
                case "organization_fields" -> UserStore.mergeObject(organization, field.getKey(), field.getValue());
                default -> organization.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private void index(long id, ObjectNode organization) {
        text(organization, "external_id").ifPresent(externalId -> byExternalId.put(Keys.fold(externalId), id));
        text(organization, "name").ifPresent(name -> byName.put(Keys.fold(name), id));
    }

    private void unindex(long id, ObjectNode organization) {
        text(organization, "external_id").ifPresent(externalId -> byExternalId.remove(Keys.fold(externalId), id));
        text(organization, "name").ifPresent(name -> byName.remove(Keys.fold(name), id));
    }

    private static Optional<String> text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    private ObjectNode render(ObjectNode organization) {
        return organization.deepCopy()
                .put("url", baseUrl.get() + "/api/v2/organizations/" + organization.get("id").asLong() + ".json");
    }

    /** Deletes in order; unknown ids or external ids are reported as {@code unknown} says. */
    synchronized ArrayNode delete(List<DeleteTarget> targets, UnknownDeleteResult unknown) {
        ArrayNode results = Json.array();
        for (DeleteTarget target : targets) {
            deletedKeys.add(target.requested());
            Long id = target.byId() ? (organizations.containsKey(target.id()) ? target.id() : null)
                    : byExternalId.get(Keys.fold(target.externalId()));
            if (id == null) {
                results.add(JobResults.unknown(target, unknown));
                continue;
            }
            unindex(id, organizations.remove(id));
            writes.remove(id);
            results.add(JobResults.deleted(target, id));
        }
        return results;
    }

    /** The key tests use: the external id as last sent, else the name. */
    private static String key(ObjectNode organization) {
        return text(organization, "external_id").or(() -> text(organization, "name")).orElseThrow();
    }

    private Optional<Long> find(String key) {
        Long id = byExternalId.get(Keys.fold(key));
        return Optional.ofNullable(id != null ? id : byName.get(Keys.fold(key)));
    }

    synchronized Map<String, Map<String, Object>> organizations() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        organizations.values().forEach(organization -> copy.put(key(organization), toMap(render(organization))));
        return copy;
    }

    synchronized Optional<Map<String, Object>> organization(String key) {
        return find(key).map(organizations::get).map(this::render).map(OrganizationStore::toMap);
    }

    synchronized int writeCount(String key) {
        return find(key).map(id -> writes.getOrDefault(id, 0)).orElse(0);
    }

    synchronized List<String> deletedKeys() {
        return List.copyOf(deletedKeys);
    }

    synchronized void reset() {
        organizations.clear();
        byExternalId.clear();
        byName.clear();
        writes.clear();
        deletedKeys.clear();
        nextId = firstId;
    }

    synchronized ObjectNode toJson() {
        ObjectNode state = Json.object();
        ObjectNode organizationsNode = state.putObject("organizations");
        Map<String, Integer> counts = new LinkedHashMap<>();
        organizations.forEach((id, organization) -> {
            organizationsNode.set(key(organization), render(organization));
            counts.put(key(organization), writes.getOrDefault(id, 0));
        });
        state.set("organizationWrites", Json.mapper().valueToTree(counts));
        state.set("deletedOrganizations", Json.mapper().valueToTree(deletedKeys));
        return state;
    }

    private static Map<String, Object> toMap(ObjectNode organization) {
        return Json.mapper().convertValue(organization, MAP);
    }
}
