package io.outflow.connect.benchmarks;

/**
 * Counts the objects of a batch body's array ({@code {"inputs":[{..},{..}]}}, {@code {"users":[..]}},
 * {@code {"attributes":[..]}}) without parsing it: one pass over the bytes, tracking nesting and strings, counting
 * the objects opened at depth two. Enough for the acknowledging fakes, which must answer with as many results as
 * there were inputs while keeping their own CPU small.
 */
final class InputCounter {
    private InputCounter() {
    }

    static int countArrayObjects(byte[] body) {
        int depth = 0;
        int count = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{' -> {
                    if (depth == 2) {
                        count++;
                    }
                    depth++;
                }
                case '[' -> depth++;
                case '}', ']' -> depth--;
                default -> {
                    // other bytes do not change the structure
                }
            }
        }
        return count;
    }
}
