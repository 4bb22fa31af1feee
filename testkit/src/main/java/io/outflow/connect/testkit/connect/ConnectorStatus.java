package io.outflow.connect.testkit.connect;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GET /connectors/{name}/status as a value: connector and task states ("RUNNING", "FAILED", "PAUSED",
 * "UNASSIGNED", ...) with the worker and the stack trace of a failure.
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    public static final String RUNNING = "RUNNING";
    public static final String FAILED = "FAILED";
    public static final String PAUSED = "PAUSED";

    /** One task's state; trace is null unless it failed. */
    public record TaskStatus(int id, String state, String workerId, String trace) {

        public boolean failed() {
            return FAILED.equals(state);
        }
    }

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    static ConnectorStatus fromJson(JsonNode json) {
        JsonNode connector = json.path("connector");
        List<TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            tasks.add(new TaskStatus(task.path("id").asInt(), text(task, "state"), text(task, "worker_id"),
                    text(task, "trace")));
        }
        return new ConnectorStatus(text(json, "name"), text(connector, "state"), text(connector, "worker_id"),
                text(connector, "trace"), tasks);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The connector and exactly {@code expectedTasks} tasks are RUNNING. */
    public boolean isRunning(int expectedTasks) {
        return RUNNING.equals(state) && tasks.size() == expectedTasks
                && tasks.stream().allMatch(t -> RUNNING.equals(t.state()));
    }

    public Optional<TaskStatus> task(int id) {
        return tasks.stream().filter(t -> t.id() == id).findFirst();
    }

    /** The first failed task, if any. */
    public Optional<TaskStatus> firstFailedTask() {
        return tasks.stream().filter(TaskStatus::failed).findFirst();
    }
}
