package io.outflow.connect.common.task;

import io.outflow.connect.common.config.NullValueBehavior;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.mapping.FieldMapper;
import io.outflow.connect.common.record.CanonicalValues;
import io.outflow.connect.common.record.KeyReader;
import io.outflow.connect.common.record.RecordException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Map;

/**
 * The first half of a record's path, on the task thread: read the key and value, map and convert the fields, route
 * tombstones, and let the operation encode the result. Anything wrong is a {@link RecordException} naming the field.
 */
final class RecordPreparer {
    private final KeyReader keyReader;
    private final FieldMapper mapper;
    private final KeyNormalizer normalizer;
    private final Operation write;
    private final Operation delete;
    private final NullValueBehavior nullBehavior;

    /** A record ready for the engine, or {@link #SKIP}. */
    static final class Prepared {
        final Operation operation;
        final Item item;
        final String key;

        Prepared(Operation operation, Item item, String key) {
            this.operation = operation;
            this.item = item;
            this.key = key;
        }
    }

    static final Prepared SKIP = new Prepared(null, null, null);

    RecordPreparer(KeyReader keyReader, FieldMapper mapper, KeyNormalizer normalizer, Operation write,
                   Operation delete, NullValueBehavior nullBehavior) {
        this.keyReader = keyReader;
        this.mapper = mapper;
        this.normalizer = normalizer;
        this.write = write;
        this.delete = delete;
        this.nullBehavior = nullBehavior;
    }

    Prepared prepare(SinkRecord record) {
        if (record.value() == null) {
            return tombstone(record);
        }
        Map<String, Object> fields = CanonicalValues.fields(record.valueSchema(), record.value());
        String key = keyReader.read(record, fields);
        return new Prepared(write, write.prepare(key, mapper.mapOwned(fields)), dedupeKey(write, key));
    }

    /** The key records are deduplicated and ordered by: compared the way the destination compares keys. */
    private String dedupeKey(Operation operation, String key) {
        return operation.keyed() ? normalizer.normalize(key) : null;
    }

    private Prepared tombstone(SinkRecord record) {
        switch (nullBehavior) {
            case IGNORE:
                return SKIP;
            case DELETE:
                String key = keyReader.read(record, null);
                return new Prepared(delete, delete.prepare(key, Map.of()), dedupeKey(delete, key));
            case FAIL:
            default:
                throw RecordException.ofRecord("the record value is null (a tombstone) and "
                        + "behavior.on.null.values=fail");
        }
    }
}
