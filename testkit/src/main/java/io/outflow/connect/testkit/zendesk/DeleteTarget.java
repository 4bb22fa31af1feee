package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of a destroy_many request: a Zendesk id ({@code ids=}) or an external id ({@code external_ids=}). */
record DeleteTarget(Long id, String externalId) {

    static DeleteTarget ofId(long id) {
        return new DeleteTarget(id, null);
    }

    static DeleteTarget ofExternalId(String externalId) {
        return new DeleteTarget(null, externalId);
    }

    boolean byId() {
        return id != null;
    }

    /** How the request named it: the id in decimal or the external id as sent (the fake's deleted-keys log). */
    String requested() {
        return byId() ? Long.toString(id) : externalId;
    }

    /** Puts the requested identifier into a result, so a client can match results without counting. */
    void describe(ObjectNode result) {
        if (byId()) {
            result.put("id", id);
        } else {
            result.put("external_id", externalId);
        }
    }
}
