package io.outflow.connect.reliability;

import java.util.List;

/**
 * What a destination holds against what a stream says it must hold.
 *
 * @param expected   keys (keyed) or events (append) the stream produced
 * @param missing    expected keys or events the destination does not hold
 * @param stale      keys holding another value than their last produced one (keyed only)
 * @param unexpected keys or events the destination holds that the stream never produced
 * @param produced   records the stream produced
 * @param writes     writes the destination applied (keyed: upserts; append: events recorded)
 * @param duplicates writes beyond what was produced: keyed, the sum over keys of max(0, writes − updates produced)
 *                   (a lower bound: a superseded update is never sent, a repeat can hide in its place); append,
 *                   events recorded more than once (exact)
 * @param examples   a few wrong keys, for the failure message
 */
record Tally(int expected, int missing, int stale, int unexpected, int produced, long writes, long duplicates,
             List<String> examples) {

    boolean complete() {
        return missing == 0 && stale == 0 && unexpected == 0;
    }

    @Override
    public String toString() {
        return expected + " expected, " + missing + " missing, " + stale + " stale, " + unexpected + " unexpected; "
                + writes + " writes for " + produced + " records, " + duplicates + " duplicates"
                + (examples.isEmpty() ? "" : "; e.g. " + examples);
    }
}
