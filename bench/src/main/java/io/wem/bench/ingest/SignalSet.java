package io.wem.bench.ingest;

import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.demo.generator.ContactCenterGenerator;
import io.wem.demo.generator.GeneratorOptions;
import io.wem.demo.generator.Signal;
import io.wem.demo.generator.SignalJson;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic signals for the ingestion benchmark: a plain (no planted scenarios) contact center from the demo
 * generator, in teams of its own so it never mixes with the demo's teams, dated in the last week, each wrapped in the
 * suite's CloudEvents envelope exactly as an integrator would put it on wem.signal.signals.v1.
 */
public final class SignalSet {
    /** Signals per interaction the generator produces on average (measured: 123,539 for 50,000). */
    static final double SIGNALS_PER_INTERACTION = 2.45;

    public record Keyed(String key, String value) {
    }

    private final List<Signal> signals;
    private final List<Keyed> records;
    private final String runId;

    private SignalSet(String runId, List<Signal> signals, List<Keyed> records) {
        this.runId = runId;
        this.signals = signals;
        this.records = records;
    }

    /** At least {@code count} signals (then cut to exactly count), teams {@code bench-<run>-*}. */
    public static SignalSet generate(String runId, int count, int agents) {
        int interactions = (int) Math.ceil(count / SIGNALS_PER_INTERACTION * 1.05);
        List<String> teams = List.of(runId + "-north", runId + "-south", runId + "-east");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(7));
        GeneratorOptions o = new GeneratorOptions(Math.abs(runId.hashCode()), teams, Math.max(agents, 3),
                Math.max(interactions, agents), start, 7, runId, false);
        List<Signal> all = new ArrayList<>(ContactCenterGenerator.generate(o).signals());
        // The generator simulates a full week: drop anything dated after now so validation never refuses it.
        Instant now = Instant.now();
        all.removeIf(s -> s.occurredAt().isAfter(now));
        List<Signal> cut = all.size() > count ? all.subList(0, count) : all;
        List<Keyed> recs = new ArrayList<>(cut.size());
        for (Signal s : cut) {
            recs.add(new Keyed(key(s), envelope(s)));
        }
        return new SignalSet(runId, List.copyOf(cut), recs);
    }

    /** Kafka key: the agent id (per-agent order), else the interaction or team the signal is about. */
    static String key(Signal s) {
        if (s.agentIdOrNull() != null) {
            return s.agentIdOrNull();
        }
        if (s instanceof Signal.Survey sv) {
            return sv.interactionId();
        }
        if (s instanceof Signal.Sentiment se) {
            return se.interactionId();
        }
        if (s instanceof Signal.Staffing st) {
            return st.teamId();
        }
        return s.eventId();
    }

    public static String envelope(Signal s) {
        // The data is the signal JSON exactly as POST /api/v1/signals takes it (with its kind discriminator).
        EventEnvelope e = EventEnvelope.withId("env-" + s.eventId(), EventTypes.SIGNAL_RECEIVED, "/wem-bench",
                s.agentIdOrNull(), Events.mapper().createObjectNode());
        String head = Events.toJson(new EventEnvelope(e.specversion(), e.id(), e.source(), e.type(), e.subject(),
                e.time(), e.datacontenttype(), null));
        return head.substring(0, head.length() - 1) + ",\"data\":" + SignalJson.toJson(s) + "}";
    }

    public List<Signal> signals() {
        return signals;
    }

    public List<Keyed> records() {
        return records;
    }

    public String runId() {
        return runId;
    }

    public int averageRecordBytes() {
        long total = 0;
        for (Keyed k : records) {
            total += k.value().length() + (k.key() == null ? 0 : k.key().length());
        }
        return (int) Math.max(1, total / Math.max(1, records.size()));
    }
}
