package io.outflow.connect.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** GET /connectors/{name}/status: the connector's state and each task's state and failure trace. */
record ConnectorState(String state, List<Task> tasks) {

    record Task(int id, String state, String workerId, String trace) {
        boolean failed() {
            return "FAILED".equals(state);
        }

        boolean running() {
            return "RUNNING".equals(state);
        }
    }

    static ConnectorState fromJson(JsonNode json) {
        List<Task> tasks = new ArrayList<>();
        for (JsonNode task : json.path("tasks")) {
            tasks.add(new Task(task.path("id").asInt(), task.path("state").asText(null),
                    task.path("worker_id").asText(null),
                    task.path("trace").isMissingNode() || task.path("trace").isNull() ? null
                            : task.path("trace").asText()));
        }
        return new ConnectorState(json.path("connector").path("state").asText(null), List.copyOf(tasks));
    }

    boolean running(int expectedTasks) {
        return "RUNNING".equals(state) && tasks.size() == expectedTasks && tasks.stream().allMatch(Task::running);
    }

    boolean allTasksFailed(int expectedTasks) {
        return tasks.size() == expectedTasks && tasks.stream().allMatch(Task::failed);
    }

    long workers() {
        return tasks.stream().map(Task::workerId).distinct().count();
    }

    boolean paused(int expectedTasks) {
        return "PAUSED".equals(state) && tasks.size() == expectedTasks
                && tasks.stream().allMatch(t -> "PAUSED".equals(t.state()));
    }
}
