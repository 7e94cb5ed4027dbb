// Deletes every Kafka topic and consumer group whose name starts with a prefix, so that a stack's messages and
// committed offsets start from nothing. Run by `./wem test` (prefix "systest-": the system tests' own stack) and
// `./wem reset` (prefix "wem.": the local stack's topics; its consumer groups are named after the services).
//   java -cp '.wem/kafka/lib/*' deploy/kafka/WemReset.java 127.0.0.1:9092 TOPIC_PREFIX [GROUP_PREFIX ...]
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

public class WemReset {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WemReset BOOTSTRAP TOPIC_PREFIX [GROUP_PREFIX ...]");
            System.exit(2);
        }
        Properties props = new Properties();
        // The admin principal's security settings (SASL), as ./wem passes them: -Dwem.kafka.client-config=FILE
        String clientConfig = System.getProperty("wem.kafka.client-config");
        if (clientConfig != null && !clientConfig.isBlank()) {
            try (java.io.FileReader r = new java.io.FileReader(clientConfig)) {
                props.load(r);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        String topicPrefix = args[1];
        List<String> groupPrefixes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of(topicPrefix);
        try (Admin admin = Admin.create(props)) {
            List<String> groups = new ArrayList<>();
            for (GroupListing g : admin.listGroups().all().get(20, TimeUnit.SECONDS)) {
                if (groupPrefixes.stream().anyMatch(p -> g.groupId().startsWith(p))) {
                    groups.add(g.groupId());
                }
            }
            if (!groups.isEmpty()) {
                try {
                    admin.deleteConsumerGroups(groups).all().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                }
            }
            List<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(topicPrefix)).sorted().toList();
            if (!topics.isEmpty()) {
                try {
                    admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
                // Deletion is asynchronous in KRaft: wait until the names are gone, so they can be created again.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (admin.listTopics().names().get(20, TimeUnit.SECONDS).stream().anyMatch(topics::contains)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics still listed 60 s after deletion");
                    }
                    Thread.sleep(250);
                }
            }
            System.out.printf("  deleted %d topics (%s*) and %d consumer groups (%s*)%n", topics.size(), topicPrefix,
                    groups.size(), String.join("*, ", groupPrefixes));
        }
    }
}
