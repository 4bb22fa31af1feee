package io.outflow.connect.common.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a destination's vendor documents and the common keys default to: the batch cap, the rate limit, the sync
 * modes it supports, its string limit. Each connector supplies one when it builds its configuration.
 */
public final class DestinationDefaults {
    private final int maxBatchRecords;
    private final long maxBatchBytes;
    private final int rateLimitRequests;
    private final long rateLimitWindowMs;
    private final Set<SyncMode> syncModes;
    private final SyncMode defaultSyncMode;
    private final boolean deletes;
    private final int maxStringLength;
    private final int maxInFlightRequests;

    private DestinationDefaults(Builder b) {
        this.maxBatchRecords = b.maxBatchRecords;
        this.maxBatchBytes = b.maxBatchBytes;
        this.rateLimitRequests = b.rateLimitRequests;
        this.rateLimitWindowMs = b.rateLimitWindowMs;
        this.syncModes = Set.copyOf(b.syncModes);
        this.defaultSyncMode = b.defaultSyncMode;
        this.deletes = b.deletes;
        this.maxStringLength = b.maxStringLength;
        this.maxInFlightRequests = b.maxInFlightRequests;
        if (!syncModes.contains(defaultSyncMode)) {
            throw new IllegalArgumentException("the default sync mode must be supported");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxBatchRecords() {
        return maxBatchRecords;
    }

    public long maxBatchBytes() {
        return maxBatchBytes;
    }

    public int rateLimitRequests() {
        return rateLimitRequests;
    }

    public long rateLimitWindowMs() {
        return rateLimitWindowMs;
    }

    public Set<SyncMode> syncModes() {
        return syncModes;
    }

    public SyncMode defaultSyncMode() {
        return defaultSyncMode;
    }

    public boolean deletes() {
        return deletes;
    }

    public int maxStringLength() {
        return maxStringLength;
    }

    public int maxInFlightRequests() {
        return maxInFlightRequests;
    }

    /** Builds defaults; unset values are generic ones. */
    public static final class Builder {
        private int maxBatchRecords = 100;
        private long maxBatchBytes = 4L * 1024 * 1024;
        private int rateLimitRequests;
        private long rateLimitWindowMs = 1000;
        private Set<SyncMode> syncModes = EnumSet.of(SyncMode.UPSERT);
        private SyncMode defaultSyncMode = SyncMode.UPSERT;
        private boolean deletes;
        private int maxStringLength = 65_536;
        private int maxInFlightRequests = 8;

        public Builder maxBatchRecords(int n) {
            this.maxBatchRecords = n;
            return this;
        }

        public Builder maxBatchBytes(long n) {
            this.maxBatchBytes = n;
            return this;
        }

        /** The vendor's documented limit: {@code requests} per {@code windowMs}; 0 requests means none. */
        public Builder rateLimit(int requests, long windowMs) {
            this.rateLimitRequests = requests;
            this.rateLimitWindowMs = windowMs;
            return this;
        }

        public Builder syncModes(SyncMode defaultMode, SyncMode... others) {
            this.defaultSyncMode = defaultMode;
            this.syncModes = EnumSet.of(defaultMode, others);
            return this;
        }

        public Builder deletes(boolean supported) {
            this.deletes = supported;
            return this;
        }

        public Builder maxStringLength(int n) {
            this.maxStringLength = n;
            return this;
        }

        public Builder maxInFlightRequests(int n) {
            this.maxInFlightRequests = n;
            return this;
        }

        public DestinationDefaults build() {
            return new DestinationDefaults(this);
        }
    }
}
