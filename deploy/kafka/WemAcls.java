// Applies deploy/kafka/acls.txt to a broker running the StandardAuthorizer, idempotently (existing bindings are kept,
// missing ones created). Run by ./wem with the admin principal's client configuration:
//   java -cp '.wem/kafka/lib/*' -Dwem.kafka.client-config=.wem/kafka/admin.properties \
//        deploy/kafka/WemAcls.java deploy/kafka/acls.txt 127.0.0.1:9092 [PREFIX] [--open-prefix P PRINCIPAL...]
// PREFIX is put in front of every topic and group name (a stack of its own). --open-prefix gives each PRINCIPAL every
// operation on topics and groups starting with P: service tests (@QuarkusTest) run the services under their own
// principals on throw-away "test-" topics whose names no ACL list can know in advance.
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

public class WemAcls {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WemAcls ACLS_FILE BOOTSTRAP [PREFIX] [--open-prefix P PRINCIPAL...]");
            System.exit(2);
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        String prefix = !rest.isEmpty() && !rest.get(0).startsWith("--") ? rest.remove(0) : "";
        List<AclBinding> bindings = new ArrayList<>(parse(Path.of(args[0]), prefix));
        if (!rest.isEmpty() && rest.get(0).equals("--open-prefix")) {
            String open = rest.get(1);
            for (String principal : rest.subList(2, rest.size())) {
                for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP)) {
                    bindings.add(binding(principal, AclOperation.ALL, new ResourcePattern(type, open, PatternType.PREFIXED)));
                }
            }
        }
        Properties props = clientConfig(args[1]);
        try (Admin admin = Admin.create(props)) {
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        }
        System.out.printf("  %d ACL bindings in place%s%n", bindings.size(), prefix.isEmpty() ? "" : " (prefix " + prefix + ")");
    }

    static List<AclBinding> parse(Path file, String prefix) throws Exception {
        List<AclBinding> out = new ArrayList<>();
        int n = 0;
        for (String raw : Files.readAllLines(file)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                throw new IllegalArgumentException(file + ":" + n + ": expected principal, operations, topic|group, name");
            }
            ResourceType type = switch (f[2]) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                default -> throw new IllegalArgumentException(file + ":" + n + ": resource must be topic or group");
            };
            boolean isPrefix = f[3].endsWith("*");
            String name = prefix + (isPrefix ? f[3].substring(0, f[3].length() - 1) : f[3]);
            ResourcePattern pattern = new ResourcePattern(type, name, isPrefix ? PatternType.PREFIXED : PatternType.LITERAL);
            for (String op : f[1].split(",")) {
                out.add(binding(f[0], AclOperation.valueOf(op), pattern));
            }
        }
        return out;
    }

    static AclBinding binding(String principal, AclOperation op, ResourcePattern pattern) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + principal, "*", op, AclPermissionType.ALLOW));
    }

    /** Bootstrap plus the admin's security settings from -Dwem.kafka.client-config (a properties file), if given. */
    static Properties clientConfig(String bootstrap) throws Exception {
        Properties props = new Properties();
        String file = System.getProperty("wem.kafka.client-config");
        if (file != null && !file.isBlank()) {
            try (FileReader r = new FileReader(file)) {
                props.load(r);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return props;
    }
}
