package io.outflow.connect.testkit.zendesk;

/**
 * What a destroy_many job reports for an id or external id that matches nothing. Neither the spec
 * (DestroyManyUsers, DeleteManyOrganizations) nor the docs say; the connector treats a missing record as
 * deleted, so the default reports it as deleted.
 */
public enum UnknownDeleteResult {
    /** {"action":"delete","status":"Deleted","success":true,...} as for a real deletion (the default). */
    DELETED,
    /** {"action":"delete","status":"Failed","success":false,"error":"RecordNotFound","details":"Not found",...}. */
    FAILED
}
