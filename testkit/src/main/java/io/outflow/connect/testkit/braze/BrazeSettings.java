package io.outflow.connect.testkit.braze;

/**
 * The contract options of one {@link BrazeFake}, fixed at build time (see {@link BrazeFake.Builder} for what
 * each one means and which are documented by Braze and which are this fake's choice).
 */
record BrazeSettings(int maxObjectsPerRequest, boolean capPerArray, int maxArrayLength, int maxDeleteIdentifiers,
                     boolean reportUnknownUsers, boolean allInvalidIsFatal, int trackSuccessStatus,
                     int deleteSuccessStatus, boolean deleteCountsUnknownIds) {
}
