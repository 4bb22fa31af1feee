package io.outflow.connect.testkit.braze;

/**
 * Totals since start or the last {@link BrazeFake#reset()}.
 *
 * @param attributesProcessed attributes objects applied (the sum of the answers' {@code attributes_processed})
 * @param eventsProcessed     events recorded
 * @param purchasesProcessed  purchases recorded
 * @param objectErrors        per-object errors answered in {@code errors} of a 201
 * @param fatalRequests       /users/track and /users/delete requests answered 400
 * @param usersDeleted        profiles removed by /users/delete
 * @param rateLimited         requests refused with 429 by the rate limits (injected 429 faults not included)
 */
public record BrazeCounts(long attributesProcessed, long eventsProcessed, long purchasesProcessed,
                          long objectErrors, long fatalRequests, long usersDeleted, long rateLimited) {
}
