/**
 * {@link io.outflow.connect.testkit.zendesk.ZendeskFake}: a stateful fake of the Zendesk Support API's user and
 * organization bulk endpoints. Sources: Zendesk's Support API spec (third-party copy, Aug 2024; "spec" below)
 * and the project's destination facts (destinations.md, Zendesk row and appendix; "docs" below). Where both are
 * silent the choice is marked "ours" and, where it changes behaviour, is a builder option.
 * <ul>
 *   <li>Auth: Basic {@code {email}/token:{api_token}} or {@code Authorization: Bearer <oauth token>} (docs);
 *       otherwise 401 {@code {"error":"Couldn't authenticate you"}} (the spec declares no 401 body).</li>
 *   <li>{@code POST /api/v2/users/create_or_update_many} {@code {"users":[{..}]}}, at most 100 users (spec).
 *       While bulk import is off: 403 (spec: "A 403 Forbidden error is returned if data imports are not
 *       enabled"; body ours). Whole-request errors, nothing queued: invalid JSON, no {@code users} array or a
 *       non-object entry → 400 {@code {"error":"InvalidParameter","description":..}}; more than 100 → 400
 *       {@code {"error":"TooManyValues","description":"Too many values","details":{"users":[{"description":..,
 *       "error":"TooManyValues"}]}}} (codes and texts ours, envelope from the docs). With 30 jobs queued or
 *       working (support article 8050017386522) → 429 {@code {"error":"TooManyJobs","description":..}} with
 *       {@code Retry-After} = seconds until the oldest active job finishes (body and value ours). Otherwise 200
 *       {@code {"job_status":{"id":"<32 hex>","url":"<base>/api/v2/job_statuses/<id>.json","status":"queued",
 *       "total":N,"progress":null,"message":null,"results":null}}} (spec JobStatusObject).</li>
 *   <li>{@code GET /api/v2/job_statuses/{id}} (also {@code {id}.json}): queued for the first half of
 *       {@code jobDelay}, then working ({@code "progress":0}), then completed ({@code "progress":N},
 *       {@code "message":"Completed at 2030-01-01 00:00:00 +0000"} as in the spec example) with one result per
 *       input in request order (docs). Inputs are applied at completion. A job drawn to fail
 *       ({@code jobFailureProbability}, seeded) ends {@code "status":"failed"} with a message (ours) and
 *       applies nothing. Unknown id, or older than {@code jobRetention} (docs: one day) → 404
 *       {@code {"error":"RecordNotFound","description":"Not found"}} (spec text example).</li>
 *   <li>User results: {@code {"index":i,"id":n,"action":"create"|"update","status":"Created"|"Updated",
 *       "success":true,"email":..,"external_id":..}}; a failed user {@code {"index":i[,"id":n],"action":..,
 *       "status":"Failed","success":false,"error":"UserUpdateError","details":"..",..}}. {@code index}/{@code id}
 *       from spec CreateResourceResult, {@code action}/{@code status}/{@code success} from spec
 *       UpdateResourceResult and the endpoint's example, {@code email}/{@code external_id}/{@code error}/
 *       {@code details} from the docs; email and external_id echo what the input sent.</li>
 *   <li>Matching and per-user failures: see {@link io.outflow.connect.testkit.zendesk.UserStore} and
 *       {@link io.outflow.connect.testkit.zendesk.UserRules} (invalid email, role not end-user/agent/admin,
 *       unknown user_fields key when {@code userFields} is set, no name on create, neither email nor
 *       external_id, email owned by another user).</li>
 *   <li>{@code DELETE /api/v2/users/destroy_many?ids=1,2} or {@code ?external_ids=a,b} and the same for
 *       {@code /api/v2/organizations/destroy_many}: jobs, as the spec says for both, same queue limit, at most 100
 *       (spec). Results {@code {"action":"delete","id":n,"status":"Deleted","success":true}} (spec
 *       JobStatusBulkDeleteResponseExample) plus {@code "external_id"} when deleting by external id. Unknown
 *       ids: docs silent, reported as deleted by default ({@link io.outflow.connect.testkit.zendesk.UnknownDeleteResult}).</li>
 *   <li>{@code POST /api/v2/organizations/create_or_update} {@code {"organization":{..}}}: matches on id, else
 *       external_id, never on name (spec); 201 created / 200 updated with {@code {"organization":{..}}} (spec
 *       OrganizationObject, defaults from CreatedOrganizationResponseExample). Same name as another → 422
 *       {@code {"error":"RecordInvalid","description":"Record validation errors","details":{"name":[{"description":
 *       "Name: has already been taken","error":"DuplicateValue"}]}}}; no name on create → 422 RecordInvalid with
 *       {@code "Name: cannot be blank","error":"BlankValue"}; unknown id → 404 RecordNotFound.</li>
 *   <li>Rate limit (default 200 per 60,000 ms, rolling): every counted answer carries {@code X-Rate-Limit} and
 *       {@code X-Rate-Limit-Remaining}; over it → 429 text/plain with {@code Retry-After} (docs). Job polls count.</li>
 *   <li>Every route above is also served with a {@code .json} suffix, as Zendesk does. Faults hit all of them.
 *       {@code GET /_fake/state} and {@code GET /_fake/requests}: no auth, never limited or faulted.</li>
 * </ul>
 */
package io.outflow.connect.testkit.zendesk;
