package io.wem.system;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The processes of the local stack as {@code ./wem} records them: {@code .wem/pids/<name>.pid} (a process started
 * with setsid, so the pid is the JVM), {@code .wem/logs/<name>.log}. The fault tests stop and start single
 * components here instead of through {@code ./wem}: a restart runs exactly the command line, working directory
 * and environment of the process it replaces (read from /proc), so it is the same build — {@code ./wem up} would
 * copy whatever another engineer's build left in target/ — and {@code ./wem status} / {@code down} still see it.
 */
public final class Stack {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Stack() {
    }

    /** The repository root ({@code wem.root}, default the parent of the module directory failsafe runs in). */
    public static Path root() {
        return Path.of(System.getProperty("wem.root", "..")).toAbsolutePath().normalize();
    }

    static Path wemDir() {
        try {
            return root().resolve(".wem").toRealPath(); // a .wem symlink shares another clone's processes
        } catch (IOException e) {
            throw new IllegalStateException("no .wem directory under " + root() + ": is the stack started by ./wem?", e);
        }
    }

    /** A stopped component: what it takes to start it again. */
    public record Stopped(String name, List<String> command, Path workdir, Map<String, String> environment) {
    }

    /** The process name of a component of the stack under test ({@code systest-signal-service} under ./wem test). */
    static String component(String name) {
        return name.endsWith("-service") && !name.startsWith(SystemTestConfig.componentPrefix())
                ? SystemTestConfig.componentPrefix() + name : name;
    }

    public static long pid(String component) {
        String name = component(component);
        Path file = wemDir().resolve("pids").resolve(name + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return pid;
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        throw new IllegalStateException(name + " is not running (no live pid in " + file + ")");
    }

    /** Stops a component with SIGKILL ({@code kill == true}) or SIGTERM, waits until it is gone. */
    public static Stopped stop(String component, boolean kill) {
        String name = component(component);
        long pid = pid(name);
        Stopped how = describe(name, pid);
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (p.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                p.destroyForcibly();
            }
            Signals.sleep(Duration.ofMillis(100));
        }
        return how;
    }

    /** Starts a stopped component again the way ./wem's start_bg does, and records its pid. */
    public static long start(Stopped how) {
        Path log = wemDir().resolve("logs").resolve(how.name() + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(how.command());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(how.workdir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(new File("/dev/null"));
        pb.environment().clear();
        pb.environment().putAll(how.environment());
        try {
            Files.writeString(log, "\n===== " + Instant.now() + ": starting " + how.name() + " (system-tests restart) =====\n",
                    java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
            Process p = pb.start();
            Files.writeString(wemDir().resolve("pids").resolve(how.name() + ".pid"), p.pid() + "\n");
            return p.pid();
        } catch (IOException e) {
            throw new IllegalStateException("could not restart " + how.name() + ": " + e, e);
        }
    }

    /** How a running component was started (command line, working directory, environment), without stopping it. */
    public static Stopped describe(String component) {
        String name = component(component);
        return describe(name, pid(name));
    }

    private static Stopped describe(String name, long pid) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            String[] argv = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            Map<String, String> env = new java.util.LinkedHashMap<>();
            for (String kv : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return new Stopped(name, Arrays.asList(argv), cwd, env);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + " of " + name + ": " + e, e);
        }
    }

    public static boolean ready(WemService service) {
        return readyAt(service.managementUrl());
    }

    /** Whether the management interface at {@code managementUrl} answers ready. */
    static boolean readyAt(String managementUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean kafkaListening() {
        String[] hp = KafkaTool.bootstrap().split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until every service answers ready and Kafka listens (each IT starts with this). */
    public static void awaitAllReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> down = new ArrayList<>();
            if (!kafkaListening()) {
                down.add("kafka");
            }
            for (WemService s : WemService.values()) {
                if (!ready(s)) {
                    down.add(s.serviceName());
                }
            }
            if (down.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + timeout + ": " + down + " (./wem status)");
            }
            Signals.sleep(Duration.ofMillis(500));
        }
    }
}
