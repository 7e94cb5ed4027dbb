// Creates the suite's Kafka topics listed in deploy/kafka/topics.txt, idempotently, in one JVM.
// Run by `./wem infra` in Java's single-file source mode against the broker jars in .wem/kafka/lib:
//   java -cp '.wem/kafka/lib/*' deploy/kafka/WemTopics.java deploy/kafka/topics.txt 127.0.0.1:9092 60
// Waits (up to the given seconds) for the broker, creates missing topics with their partition count and
// configs, raises the partition count of a topic that has fewer (e.g. one auto-created before this ran), and
// only warns about a topic that has more. Configs listed for a topic (key=value after the partitions, e.g. a
// short retention.ms for topics in PCI scope) are set on existing topics too (incrementalAlterConfigs, so
// configs not listed are left alone). Exit code 0 when every topic exists afterwards.
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

public class WemTopics {
    /** One line of topics.txt. */
    record Topic(int partitions, Map<String, String> configs) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WemTopics TOPICS_FILE BOOTSTRAP [WAIT_SECONDS]");
            System.exit(2);
        }
        Map<String, Topic> wanted = parse(Path.of(args[0]));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 60);

        Properties props = new Properties();
        // The admin principal's security settings (SASL), as ./wem passes them: -Dwem.kafka.client-config=FILE
        String clientConfig = System.getProperty("wem.kafka.client-config");
        if (clientConfig != null && !clientConfig.isBlank()) {
            try (java.io.FileReader r = new java.io.FileReader(clientConfig)) {
                props.load(r);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            waitForBroker(admin, deadline);
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);

            List<NewTopic> missing = new ArrayList<>();
            wanted.forEach((name, topic) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, topic.partitions(), (short) 1).configs(topic.configs()));
                }
            });
            if (!missing.isEmpty()) {
                var result = admin.createTopics(missing);
                for (NewTopic t : missing) {
                    try {
                        result.values().get(t.name()).get(15, TimeUnit.SECONDS);
                        System.out.printf("  created %s (%d partitions)%n", t.name(), t.numPartitions());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }

            Map<String, TopicDescription> described = describeWhenKnown(admin, wanted.keySet(), deadline);
            Map<String, NewPartitions> grow = new LinkedHashMap<>();
            for (var e : wanted.entrySet()) {
                int actual = described.get(e.getKey()).partitions().size();
                int want = e.getValue().partitions();
                if (actual < want) {
                    grow.put(e.getKey(), NewPartitions.increaseTo(want));
                    System.out.printf("  %s had %d partitions: raising to %d%n", e.getKey(), actual, want);
                } else if (actual > want) {
                    System.out.printf("  WARNING %s has %d partitions, topics.txt says %d (left as is)%n",
                            e.getKey(), actual, want);
                }
            }
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(15, TimeUnit.SECONDS);
            }
            // Also on topics that existed before (created by an older list or auto-created): a retention meant
            // to keep card data off the broker must not depend on when the topic was made.
            Map<ConfigResource, Collection<AlterConfigOp>> configs = new LinkedHashMap<>();
            wanted.forEach((name, topic) -> {
                if (!topic.configs().isEmpty()) {
                    List<AlterConfigOp> ops = new ArrayList<>();
                    topic.configs().forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v),
                            AlterConfigOp.OpType.SET)));
                    configs.put(new ConfigResource(ConfigResource.Type.TOPIC, name), ops);
                }
            });
            if (!configs.isEmpty()) {
                admin.incrementalAlterConfigs(configs).all().get(15, TimeUnit.SECONDS);
                System.out.printf("  configs set on %d topics%n", configs.size());
            }
            System.out.printf("  %d topics ready (%d created now)%n", wanted.size(), missing.size());
        }
    }

    /** Topics just created may not be in the broker's metadata yet: describe again until they are. */
    private static Map<String, TopicDescription> describeWhenKnown(Admin admin, Set<String> names, long deadline)
            throws Exception {
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void waitForBroker(Admin admin, long deadline) throws InterruptedException {
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(500);
            }
        }
        System.err.println("Kafka broker did not answer in time: " + last);
        System.exit(1);
    }

    private static Map<String, Topic> parse(Path file) throws Exception {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException(file + ": expected 'topic partitions [key=value...]': " + raw);
            }
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(file + ": expected key=value, got '" + parts[i] + "': " + raw);
                }
                configs.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            topics.put(parts[0], new Topic(Integer.parseInt(parts[1]), configs));
        }
        return topics;
    }
}
