package io.outflow.connect.testkit.http;

/**
 * The misbehaviours a fake can inject. All but {@link #DOWN} are drawn at random from a {@link FaultPlan}.
 * <p>
 * On the drops: some clients retry an idempotent request (GET) once by themselves when the connection closes
 * before an answer (java.net.http does), so one client call can show up as two requests and two faults.
 */
public enum FaultKind {
    /** Answer 500 without applying the request. */
    HTTP_500,
    /** Answer 503 without applying the request. */
    HTTP_503,
    /** Answer 429 with Retry-After (seconds from the plan) without applying the request. */
    HTTP_429_RETRY_AFTER,
    /** Answer 429 with no Retry-After header without applying the request. */
    HTTP_429_NO_RETRY_AFTER,
    /** Wait the plan's slow delay, then handle the request normally (client timeouts fire here). */
    SLOW,
    /** Close the connection without answering and without applying the request. */
    DROP_BEFORE_APPLY,
    /** Apply the request, then close the connection without answering: the source of duplicates. */
    DROP_AFTER_APPLY,
    /** The server's down switch answered (503 or dropped connection); never drawn at random. */
    DOWN
}
