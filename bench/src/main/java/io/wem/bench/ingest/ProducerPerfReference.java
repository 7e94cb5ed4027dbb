package io.wem.bench.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark ({@code org.apache.kafka.tools.ProducerPerformance} from the broker's jars) on the
 * same broker, record count, record size and producer settings as the end-to-end run, into a scratch topic.
 */
public final class ProducerPerfReference {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");

    public record Result(long records, double recordsPerSecond, double mbPerSecond, String summary) {
    }

    public static Result run(Path kafkaLib, String bootstrap, String topic, int records, int recordSize,
                             List<String> producerProps) throws IOException, InterruptedException {
        if (!Files.isDirectory(kafkaLib)) {
            throw new IOException("no Kafka jars in " + kafkaLib + " (./wem infra downloads them)");
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp", kafkaLib + "/*",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap));
        io.wem.bench.stack.Stack.KAFKA_SECURITY.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(producerProps);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (SUMMARY.matcher(line).find()) {
                    last = line;
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("ProducerPerformance did not finish in 5 minutes");
        }
        if (last == null) {
            throw new IOException("ProducerPerformance printed no summary: " + all);
        }
        Matcher m = SUMMARY.matcher(last);
        m.find();
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                last.trim());
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
