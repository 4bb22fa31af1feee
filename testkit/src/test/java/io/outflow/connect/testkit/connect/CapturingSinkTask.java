package io.outflow.connect.testkit.connect;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Captures record values in memory; a value with a "poison" field goes to the errant record reporter (DLQ). */
public class CapturingSinkTask extends SinkTask {

    static final Queue<Object> RECEIVED = new ConcurrentLinkedQueue<>();

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            if (record.value() instanceof Map<?, ?> value && value.containsKey("poison")) {
                context.errantRecordReporter().report(record, new DataException("poison record " + record.key()));
            } else {
                RECEIVED.add(record.value());
            }
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "test";
    }
}
