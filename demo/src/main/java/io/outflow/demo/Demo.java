package io.outflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.testkit.connect.ConnectRestClient;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.RecordProducer;
import io.outflow.connect.testkit.process.ConnectWorkerProcess;
import io.outflow.connect.testkit.process.KafkaBrokerProcess;
import io.outflow.connect.testkit.process.KafkaRuntime;
import io.outflow.connect.testkit.sandbox.Sandbox;
import io.outflow.connect.testkit.zendesk.ZendeskFake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The local demo, phase by phase: start the stack, build the warehouse and its model, create the connectors from the
 * configuration examples and publish the model, let a day pass and publish what changed; after each publish, check
 * that every destination holds what the model computed.
 */
public final class Demo {
    private static final Logger log = LoggerFactory.getLogger(Demo.class);

    static final String KAFKA_VERSION = "4.3.1";
    static final String TOPIC = "warehouse.customer_intelligence";
    static final int PARTITIONS = 3;
    static final List<String> CONNECTORS = List.of("hubspot-contacts", "zendesk-users", "braze-attributes");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);
    private static final int PHASES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Exit codes. */
    static final int OK = 0;
    static final int MISMATCH = 1;
    static final int FAILED = 2;
    static final int STOPPED = 130;

    private final Path root;
    private final Path workDir;
    private final Console console;
    private final LocalStack stack;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, ConnectorConfigs.Merged> configs = new LinkedHashMap<>();

    private Sandbox sandbox;
    private KafkaBrokerProcess broker;
    private ConnectWorkerProcess worker;
    private ConnectRestClient rest;
    private KafkaView kafka;
    private List<DestinationCheck> destinations;

    Demo(Path root, Path workDir, Console console) {
        this.root = root;
        this.workDir = workDir;
        this.console = console;
        this.stack = new LocalStack(workDir);
    }

    /** Runs the demo; returns the process exit code. */
    int run() {
        Thread stopHook = new Thread(this::stopOnSignal, "demo-stop");
        Runtime.getRuntime().addShutdownHook(stopHook);
        Warehouse warehouse = null;
        try {
            warehouse = Warehouse.open(workDir.resolve("warehouse.duckdb"));
            startStack();
            console.pause("build the warehouse and run the model");
            List<ModelRow> model = buildWarehouse(warehouse);
            console.pause("create the connectors and publish the model");
            publishFirstDay(warehouse, model);
            console.pause("let a day pass in the warehouse");
            List<ModelRow> nextModel = passADay(warehouse);
            explore();
            int code = verdict(nextModel);
            console.pause("stop everything");
            return code;
        } catch (Exception | AssertionError e) {
            if (stack.isStopping()) {
                log.info("Stopped while running", e);
                return STOPPED;
            }
            log.error("The demo failed", e);
            console.blank();
            console.line("The demo failed: " + Objects.toString(e.getMessage(), e.toString()));
            Throwable cause = e.getCause();
            while (cause != null) {
                console.line("  caused by: " + cause);
                cause = cause.getCause();
            }
            console.line("Details: " + workDir.resolve("demo.log"));
            return FAILED;
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (warehouse != null) {
                warehouse.close();
            }
            if (!stack.isStopping()) {
                console.blank();
                console.line("Stopping the Connect worker, the Kafka broker and the sandbox...");
                stack.close();
                console.line("Stopped. Everything this run wrote is in " + relative(workDir));
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** Ctrl-C (or any signal that ends the JVM): stop the worker, broker and sandbox before the JVM exits. */
    private void stopOnSignal() {
        if (stack.isStopping()) {
            return;
        }
        stack.requestStop();
        console.blank();
        console.line("Stopping the Connect worker, the Kafka broker and the sandbox...");
        stack.close();
        console.line("Stopped. Nothing is left running; this run's files are in " + relative(workDir));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. The stack

    private void startStack() throws IOException, InterruptedException {
        console.phase(1, PHASES, "Starting the local stack");
        Path pluginPath = root.resolve("assembly/target/plugin-path");
        List<String> plugins = pluginDirectories(pluginPath);
        if (plugins.isEmpty()) {
            throw new IllegalStateException("No plugin archives in " + pluginPath + "; build first: ./demo.sh builds "
                    + "them (mvn install -DskipTests)");
        }
        KafkaRuntime runtime = KafkaRuntime.of(root, KAFKA_VERSION);

        sandbox = stack.startSandbox();
        console.line("Sandbox destinations (local fakes of the vendors' APIs, in this JVM):");
        console.line("  HubSpot  %-24s state: %s/_fake/state", sandbox.hubspot().baseUrl(), sandbox.hubspot().baseUrl());
        console.line("  Zendesk  %-24s state: %s/_fake/state", sandbox.zendesk().baseUrl(), sandbox.zendesk().baseUrl());
        console.line("  Braze    %-24s state: %s/_fake/state", sandbox.braze().baseUrl(), sandbox.braze().baseUrl());
        Path secrets = stack.writeSecrets();
        console.line("Secrets file for the worker's FileConfigProvider (the sandbox's dummy tokens): %s",
                relative(secrets));

        long t0 = System.nanoTime();
        broker = stack.startBroker(runtime);
        console.line("Kafka %s broker (KRaft, single node)  %s  started in %.1f s, log %s", KAFKA_VERSION,
                broker.bootstrapServers(), seconds(t0), relative(broker.process().logFile()));
        kafka = new KafkaView(broker.bootstrapServers());

        t0 = System.nanoTime();
        worker = stack.startWorker(runtime, pluginPath);
        rest = ConnectRestClient.at(worker.restUrl());
        console.line("Kafka Connect %s worker               %s  started in %.1f s, log %s", KAFKA_VERSION,
                worker.restUrl(), seconds(t0), relative(worker.process().logFile()));
        console.line("  plugin.path %s: %s", relative(pluginPath), String.join(", ", plugins));
        JsonNode found = rest.get("/connector-plugins").body();
        List<String> outflow = new ArrayList<>();
        if (found != null) {
            found.forEach(p -> {
                if (p.path("class").asText().startsWith("io.outflow.")) {
                    outflow.add(p.path("class").asText().replaceAll(".*\\.", "") + " " + p.path("version").asText());
                }
            });
        }
        console.line("  the worker loaded: %s", outflow.isEmpty() ? "(none!)" : String.join(", ", outflow));
        if (outflow.size() < CONNECTORS.size()) {
            throw new IllegalStateException("The worker did not load the Outflow plugins from " + pluginPath);
        }

        Map<String, String> placeholders = Map.of(
                "topic", TOPIC,
                "hubspot.url", sandbox.hubspot().baseUrl(),
                "zendesk.url", sandbox.zendesk().baseUrl(),
                "zendesk.email", ZendeskFake.DEFAULT_EMAIL,
                "braze.url", sandbox.braze().baseUrl(),
                "secrets.file", secrets.toAbsolutePath().toString());
        destinations = new ArrayList<>();
        for (String name : CONNECTORS) {
            ConnectorConfigs.Merged merged = ConnectorConfigs.load(root.resolve("config-examples"), name, placeholders);
            configs.put(name, merged);
            destinations.add(check(name, merged.config()));
        }
    }

    private DestinationCheck check(String name, Map<String, String> config) {
        String connectorClass = config.getOrDefault("connector.class", "");
        if (connectorClass.endsWith("HubSpotSinkConnector")) {
            return new HubSpotCheck(name, config, sandbox.hubspot());
        }
        if (connectorClass.endsWith("ZendeskSinkConnector")) {
            return new ZendeskCheck(name, config, sandbox.zendesk());
        }
        if (connectorClass.endsWith("BrazeSinkConnector")) {
            return new BrazeCheck(name, config, sandbox.braze());
        }
        throw new IllegalStateException("No check for " + connectorClass);
    }

    private static List<String> pluginDirectories(Path pluginPath) throws IOException {
        if (!Files.isDirectory(pluginPath)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(pluginPath)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("outflow-")).sorted().collect(Collectors.toList());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. The warehouse

    private List<ModelRow> buildWarehouse(Warehouse warehouse) {
        console.phase(2, PHASES, "The warehouse: DuckDB with customers, orders and support tickets");
        warehouse.seed();
        console.line("%s: %d customers, %d orders, %d tickets, as of %s (demo/src/main/resources/warehouse/seed.sql)",
                relative(workDir.resolve("warehouse.duckdb")), warehouse.count("customers"),
                warehouse.count("orders"), warehouse.count("tickets"), warehouse.asOf());
        List<ModelRow> model = warehouse.runModel();
        console.line("The model (warehouse/model.sql) computes per customer: health_score, churn_risk, lifetime_value,"
                + " segment.");
        console.line("%s: %d rows. Segments: %s. Churn risk: %s.", Warehouse.MODEL_TABLE, model.size(),
                breakdown(warehouse, "segment"), breakdown(warehouse, "churn_risk"));
        console.blank();
        console.line("  %-7s %-36s %6s %-6s %10s %-9s", "id", "email", "health", "churn", "ltv", "segment");
        model.stream().limit(6).forEach(this::printRow);
        console.line("  ... %d more", model.size() - 6);
        console.blank();
        console.line("Real data is never clean. These rows will be refused, and each refusal lands in a DLQ:");
        for (ModelRow row : model) {
            List<String> refusals = new ArrayList<>();
            for (DestinationCheck d : destinations) {
                d.refusal(row).ifPresent(reason -> refusals.add(d.label() + ": " + reason));
            }
            if (!refusals.isEmpty()) {
                console.line("  %s  %s", row.customerId(), String.join("; ", refusals));
            }
        }
        return model;
    }

    private void printRow(ModelRow row) {
        console.line("  %-7s %-36s %6s %-6s %10s %-9s", row.customerId(), Values.show(row.text("email")),
                row.text("health_score"), row.text("churn_risk"), row.text("lifetime_value"), row.text("segment"));
    }

    private static String breakdown(Warehouse warehouse, String column) {
        return warehouse.query("SELECT " + column + " AS v, count(*) AS n FROM " + Warehouse.MODEL_TABLE
                        + " GROUP BY ALL ORDER BY n DESC, v").stream()
                .map(r -> r.get("v") + " " + r.get("n")).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Connectors and the first publish

    private void publishFirstDay(Warehouse warehouse, List<ModelRow> model) throws InterruptedException {
        console.phase(3, PHASES, "Connectors from config-examples/, and the model published to Kafka");
        kafka.createTopic(TOPIC, PARTITIONS);
        for (DestinationCheck d : destinations) {
            kafka.createTopic(d.dlqTopic(), 1);
        }
        console.line("Topic %s (%d partitions, keyed by customer_id); a DLQ topic per connector.", TOPIC, PARTITIONS);
        console.line("Each connector is config-examples/<name>.json with demo/src/main/resources/local-overrides/"
                + "<name>.json merged over it:");
        for (ConnectorConfigs.Merged merged : configs.values()) {
            console.line("  %-17s overrides %s", merged.name(), String.join(", ", merged.overriddenKeys()));
            ConnectRestClient.Reply reply = rest.put("/connectors/" + merged.name() + "/config", merged.config());
            if (reply.status() != 200 && reply.status() != 201) {
                throw new IllegalStateException("PUT /connectors/" + merged.name() + "/config answered "
                        + reply.status() + ": " + reply.rawBody());
            }
        }
        awaitRunning();

        List<ModelRow> changed = warehouse.changedRows();
        Progress progress = new Progress(console, kafka, TOPIC, destinations);
        Progress.Baseline baseline = progress.baseline();
        publish(changed, "day-1");
        warehouse.markPublished();
        console.line("Published %d rows (the whole model: nothing was published before). Delivering:", changed.size());
        deliverAndCompare(progress, baseline, model, "after the first publish");
        showDeadLetters();
        showSandboxViews(model.get(0));
    }

    private void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        long t0 = System.nanoTime();
        Set<String> pending = new TreeSet<>(configs.keySet());
        while (!pending.isEmpty()) {
            for (String name : List.copyOf(pending)) {
                JsonNode status = rest.get("/connectors/" + name + "/status").body();
                if (status == null) {
                    continue;
                }
                int expectedTasks = Integer.parseInt(configs.get(name).config().getOrDefault("tasks.max", "1"));
                List<String> states = new ArrayList<>();
                status.path("tasks").forEach(t -> states.add(t.path("state").asText()));
                for (JsonNode task : status.path("tasks")) {
                    if ("FAILED".equals(task.path("state").asText())) {
                        throw new IllegalStateException(name + " task " + task.path("id").asText() + " failed: "
                                + firstLine(task.path("trace").asText()));
                    }
                }
                if ("RUNNING".equals(status.path("connector").path("state").asText()) && states.size() == expectedTasks
                        && states.stream().allMatch("RUNNING"::equals)) {
                    pending.remove(name);
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Connectors not RUNNING after " + RUNNING_TIMEOUT.toSeconds()
                            + " s: " + pending + "; see " + relative(worker.process().logFile()));
                }
                Thread.sleep(250);
            }
        }
        // Then until each connector's tasks have joined its consumer group and share the topic's partitions.
        // Settled twice in a row, half a second apart: a task that joins late starts another rebalance.
        Map<String, Integer> settled = new LinkedHashMap<>();
        pending.addAll(configs.keySet());
        while (!pending.isEmpty()) {
            for (String name : List.copyOf(pending)) {
                int tasks = Integer.parseInt(configs.get(name).config().getOrDefault("tasks.max", "1"));
                int times = kafka.groupSettled(name, tasks, TOPIC) ? settled.merge(name, 1, Integer::sum) : 0;
                settled.put(name, times);
                if (times >= 2) {
                    pending.remove(name);
                }
            }
            if (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The tasks of " + pending + " did not join their consumer groups "
                            + "within " + RUNNING_TIMEOUT.toSeconds() + " s; see " + relative(worker.process().logFile()));
                }
                Thread.sleep(500);
            }
        }
        console.line("All %d connectors RUNNING, their tasks sharing the topic's partitions (%.1f s).", configs.size(),
                seconds(t0));
    }

    private void publish(List<ModelRow> rows, String batchId) {
        String loadedAt = Instant.now().toString();
        List<ProducerRecordSpec> records = new ArrayList<>(rows.size());
        for (ModelRow row : rows) {
            records.add(ProducerRecordSpec.json(row.customerId(), row.recordValue(batchId, loadedAt)));
        }
        try (RecordProducer producer = RecordProducer.to(broker.bootstrapServers())) {
            producer.send(TOPIC, records);
        }
    }

    /** Follows delivery, then compares each destination with the model and prints the table. */
    private void deliverAndCompare(Progress progress, Progress.Baseline baseline, List<ModelRow> model, String when)
            throws InterruptedException {
        Progress.Totals totals = progress.follow(baseline, DELIVERY_TIMEOUT, stack::isStopping);
        if (totals == null) {
            if (stack.isStopping()) {
                throw new IllegalStateException("stopped");
            }
            failures.add("Delivery did not finish within " + DELIVERY_TIMEOUT.toSeconds() + " s " + when);
            console.line("Delivery did not finish within %d s; see %s", DELIVERY_TIMEOUT.toSeconds(),
                    relative(worker.process().logFile()));
        } else {
            console.line("Every record delivered or dead-lettered, and its offset committed, in %.1f s.",
                    totals.seconds());
        }
        console.blank();
        console.line("What each destination holds, compared with the model's %d rows (%s):", model.size(), when);
        console.line("  %-8s  %-17s  %-17s  %-22s  %s", "", "connector", "held as computed", "in its DLQ", "result");
        for (DestinationCheck d : destinations) {
            Set<String> deadKeys = new TreeSet<>();
            kafka.readAll(d.dlqTopic()).forEach(letter -> deadKeys.add(letter.key()));
            DestinationCheck.Result result = d.compare(model, deadKeys);
            String dlq = result.deadLettered().isEmpty() ? "-" : String.join(", ", result.deadLettered());
            console.line("  %-8s  %-17s  %-17s  %-22s  %s", d.label(), d.connector(),
                    result.heldAsComputed() + " of " + (model.size() - result.expectedDeadLetters().size()), dlq,
                    result.ok() ? "OK" : "DIFFERS from the model");
            result.problems().stream().limit(5).forEach(p -> console.line("      %s", p));
            if (result.problems().size() > 5) {
                console.line("      ... %d more", result.problems().size() - 5);
            }
            if (!result.ok()) {
                failures.add(d.label() + " does not hold what the model computed " + when + " ("
                        + result.problems().size() + " differences)");
            }
        }
        checkStillRunning(when);
    }

    private void checkStillRunning(String when) {
        for (String name : configs.keySet()) {
            JsonNode status = rest.get("/connectors/" + name + "/status").body();
            if (status == null) {
                failures.add(name + " has no status " + when);
                continue;
            }
            status.path("tasks").forEach(task -> {
                if (!"RUNNING".equals(task.path("state").asText())) {
                    failures.add(name + " task " + task.path("id").asText() + " is " + task.path("state").asText()
                            + " " + when + ": " + firstLine(task.path("trace").asText()));
                }
            });
        }
    }

    private void showDeadLetters() {
        console.blank();
        console.line("The dead-letter queues: each refused record, unchanged, with Connect's error headers:");
        for (DestinationCheck d : destinations) {
            List<KafkaView.DeadLetter> letters = kafka.readAll(d.dlqTopic());
            console.line("  %s (%s)", d.dlqTopic(), plural(letters.size(), "record"));
            for (KafkaView.DeadLetter letter : letters) {
                String message = firstLine(letter.headers().getOrDefault("__connect.errors.exception.message", ""));
                console.line("    key %s: %s", letter.key(), message.length() > 200
                        ? message.substring(0, 197) + "..." : message);
            }
        }
    }

    private void showSandboxViews(ModelRow row) {
        console.blank();
        console.line("What the sandboxes hold for %s (from their read-only views, GET /_fake/state):", row.customerId());
        try {
            JsonNode hubspot = state(sandbox.hubspot().baseUrl());
            String email = Objects.toString(row.text("email"), "").toLowerCase(Locale.ROOT);
            console.line("  HubSpot contact  %s", compact(hubspot.path("objects").path("contacts").path(email)));
            JsonNode zendesk = state(sandbox.zendesk().baseUrl());
            console.line("  Zendesk user     %s", compact(zendesk.path("users").path(row.customerId())));
            JsonNode braze = state(sandbox.braze().baseUrl());
            JsonNode user = null;
            for (JsonNode u : braze.path("users")) {
                if (row.customerId().equals(u.path("external_id").asText())) {
                    user = u;
                }
            }
            console.line("  Braze user       %s", compact(user));
        } catch (IOException e) {
            console.line("  (could not read the sandbox views: %s)", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode state(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/_fake/state")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String compact(JsonNode node) {
        return node == null || node.isMissingNode() ? "(nothing)" : node.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. A day passes

    private List<ModelRow> passADay(Warehouse warehouse) throws InterruptedException {
        console.phase(4, PHASES, "A day passes");
        long customers = warehouse.count("customers");
        long orders = warehouse.count("orders");
        long tickets = warehouse.count("tickets");
        long open = warehouse.count("(SELECT * FROM tickets WHERE status = 'open')");
        warehouse.passADay();
        long churned = warehouse.count("(SELECT * FROM customers WHERE status = 'churned')");
        long newTickets = warehouse.count("tickets") - tickets;
        long solved = open + newTickets - warehouse.count("(SELECT * FROM tickets WHERE status = 'open')");
        console.line("The warehouse moved to %s (warehouse/day2.sql): %s, %s, %s solved, %s churned, %s signed up, "
                        + "a few customers logged in.", warehouse.asOf(),
                plural(warehouse.count("orders") - orders, "new order"), plural(newTickets, "new ticket"),
                plural(solved, "open ticket"), plural(churned, "customer"),
                plural(warehouse.count("customers") - customers, "customer"));
        List<ModelRow> model = warehouse.runModel();
        List<ModelRow> changed = warehouse.changedRows();
        console.line("The model ran again: %d rows. Rows whose output changed since the last publish "
                + "(warehouse/changes.sql, EXCEPT): %d.", model.size(), changed.size());
        List<String[]> lines = new ArrayList<>();
        for (ModelRow row : changed) {
            Optional<ModelRow> before = warehouse.published(row.customerId());
            lines.add(new String[] {row.customerId(), describeChange(before.orElse(null), row)});
        }
        // The churned and the new customer first: they tell the story.
        lines.sort(Comparator.comparing((String[] l) -> !(l[1].contains("churned") || l[1].startsWith("new")))
                .thenComparing(l -> l[0]));
        lines.stream().limit(10).forEach(l -> console.line("  %s  %s", l[0], l[1]));
        if (lines.size() > 10) {
            console.line("  ... %d more", lines.size() - 10);
        }
        Progress progress = new Progress(console, kafka, TOPIC, destinations);
        Progress.Baseline baseline = progress.baseline();
        publish(changed, "day-2");
        warehouse.markPublished();
        console.line("Published only those %d rows (the other %d are unchanged and not sent again). Delivering:",
                changed.size(), model.size() - changed.size());
        deliverAndCompare(progress, baseline, model, "after a day");
        return model;
    }

    private static String describeChange(ModelRow before, ModelRow after) {
        if (before == null) {
            return String.format("new customer %s: health %s, churn risk %s, segment %s", after.text("full_name"),
                    after.text("health_score"), after.text("churn_risk"), after.text("segment"));
        }
        List<String> changes = new ArrayList<>();
        for (String column : after.values().keySet()) {
            Object was = before.get(column);
            Object now = after.get(column);
            if (!Values.same(was, now)) {
                changes.add(column + " " + Values.show(was) + " -> " + Values.show(now));
            }
        }
        return String.join(", ", changes);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Explore, and the verdict

    private void explore() {
        console.phase(5, PHASES, "Explore");
        if (!console.interactive()) {
            console.line("(In interactive mode, ./demo.sh, the stack keeps running here until you press Enter.)");
        }
        String connect = worker.restUrl();
        console.line("Connect REST API:");
        console.line("  curl -s '%s/connectors?expand=status'", connect);
        console.line("  curl -s %s/connectors/hubspot-contacts/config", connect);
        console.line("  curl -s -X POST '%s/connectors/hubspot-contacts/restart?includeTasks=true&onlyFailed=true'",
                connect);
        console.line("A dead-letter queue with its headers (the reason is __connect.errors.exception.message):");
        console.line("  java -cp \"$(cat %s)\" \\", root.resolve("assembly/runtimes/kafka-" + KAFKA_VERSION
                + "/target/classpath.txt"));
        console.line("    org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server %s \\",
                broker.bootstrapServers());
        console.line("    --topic %s --from-beginning --timeout-ms 5000 \\", destinations.get(0).dlqTopic());
        console.line("    --formatter-property print.key=true --formatter-property print.headers=true");
        console.line("The sandbox views (what each destination holds) and the requests they received:");
        console.line("  curl -s %s/_fake/state     (HubSpot; also /_fake/requests)", sandbox.hubspot().baseUrl());
        console.line("  curl -s %s/_fake/state     (Zendesk)", sandbox.zendesk().baseUrl());
        console.line("  curl -s %s/_fake/state     (Braze)", sandbox.braze().baseUrl());
        console.line("The warehouse, once the demo has stopped (tables customers, orders, tickets, %s,",
                Warehouse.MODEL_TABLE);
        console.line("published_intelligence): %s, e.g. with the DuckDB CLI.", relative(workDir.resolve(
                "warehouse.duckdb")));
        console.line("Logs: %s, %s, %s", relative(worker.process().logFile()), relative(broker.process().logFile()),
                relative(workDir.resolve("demo.log")));
    }

    private int verdict(List<ModelRow> model) {
        console.blank();
        if (failures.isEmpty()) {
            console.line("Result: HubSpot, Zendesk and Braze hold what the model computed for all %d customers, "
                    + "except the refused rows, which are in their DLQs with the reason.", model.size());
            return OK;
        }
        console.line("Result: FAILED");
        failures.forEach(f -> console.line("  - %s", f));
        return MISMATCH;
    }

    // ---------------------------------------------------------------------------------------------------------

    private String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
