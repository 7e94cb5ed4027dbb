package io.wem.common.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import io.wem.common.audit.Audit;
import io.wem.common.events.EventEnvelope;
import io.wem.common.security.Caller;
import io.wem.common.signing.MessageSigning;
import io.wem.common.signing.RejectedMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one way a consumer of signed messages handles a record: verify it ({@link MessageSigning}), run the handler,
 * retry transient failures with exponential back-off for as long as they last ({@link Transience}: a database or
 * governance outage parks nothing), and let only permanent failures through to the channel's dead-letter strategy,
 * counted by {@link DeadLetterMonitor}. A rejected (untrusted) message is also reported to governance as an audit
 * event {@value #REJECTED}. Call it from a non-transactional {@code @Incoming} method; the handler opens its own
 * transactions, so each retry starts a fresh one.
 */
@ApplicationScoped
public class Consumption {
    private static final Logger LOG = Logger.getLogger(Consumption.class);
    public static final String REJECTED = "FORGED_MESSAGE_REJECTED";

    @Inject
    MessageSigning signing;

    @Inject
    Audit audit;

    @Inject
    Stopping stopping;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "wem.messaging.retry.initial-delay", defaultValue = "PT0.2S")
    Duration initialDelay;

    @ConfigProperty(name = "wem.messaging.retry.max-delay", defaultValue = "PT30S")
    Duration maxDelay;

    public void signed(String channel, String message, String expectedType, Consumer<EventEnvelope> handler) {
        try {
            EventEnvelope envelope = signing.verify(message, expectedType);
            retryTransient(channel, unlessStopping(() -> handler.accept(envelope)));
        } catch (RejectedMessageException e) {
            reportRejected(channel, message, e.getMessage());
            DeadLetterMonitor.parked(topic(channel));
            throw e;
        } catch (RuntimeException e) {
            if (!stoppingNow()) {
                DeadLetterMonitor.parked(topic(channel));
            }
            throw e;
        }
    }

    /**
     * {@link #signed(String, String, String, Consumer)} for a consumer that acknowledges its messages: acknowledged
     * when handled, nacked (so dead-lettered by the channel) when it cannot be handled, and neither when it failed
     * because this process is stopping (issue #18: a replica's EntityManagerFactory closes while the connector still
     * hands it records). Such a message is never acknowledged, its offset never committed, and the replica that takes
     * over the partition handles it.
     */
    public CompletionStage<Void> signed(String channel, Message<String> message, String expectedType,
                                        Consumer<EventEnvelope> handler) {
        return settle(channel, message, () -> signed(channel, message.getPayload(), expectedType, handler));
    }

    /**
     * The same for a consumer of unsigned messages, or of batches ({@code KafkaRecordBatch} is a message too), that
     * acknowledges them: {@code work} is retried while its failures are transient, the message acknowledged when it
     * is done, nacked (dead-lettered) when it failed permanently, and left unacknowledged when it failed because this
     * process is stopping.
     */
    public CompletionStage<Void> consume(String channel, Message<?> message, Runnable work) {
        return settle(channel, message, () -> {
            try {
                retryTransient(channel, unlessStopping(work));
            } catch (RuntimeException e) {
                if (!stoppingNow()) {
                    DeadLetterMonitor.parked(topic(channel));
                }
                throw e;
            }
        });
    }

    /** Acknowledges, nacks, or (while this process stops) leaves the message to the partition's next owner. */
    private CompletionStage<Void> settle(String channel, Message<?> message, Runnable handling) {
        try {
            handling.run();
        } catch (RuntimeException e) {
            if (stoppingNow()) {
                LOG.infof("%s: message left for the next consumer, this replica is stopping (%s)", channel,
                        e.toString());
                return new CompletableFuture<>();
            }
            return message.nack(e);
        }
        return message.ack();
    }

    /** No retry while stopping: the next owner of the partition will handle the message. */
    private Runnable unlessStopping(Runnable work) {
        return () -> {
            if (stoppingNow()) {
                throw new IllegalStateException("stopping");
            }
            work.run();
        };
    }

    private boolean stoppingNow() {
        return stopping != null && stopping.now();
    }

    /** Runs the work until it succeeds or fails permanently; sleeps between attempts while failures are transient. */
    public void retryTransient(String channel, Runnable work) {
        long delay = initialDelay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!Transience.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("%s: transient failure (attempt %d, retrying in %d ms): %s", channel, attempt, delay,
                        e.getClass().getSimpleName());
                io.micrometer.core.instrument.Metrics.globalRegistry.counter("wem.consumer.retries", "channel", channel)
                        .increment();
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while retrying " + channel, ie);
                }
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    /**
     * One audit entry per forged message, however many services consume its topic (purge commands reach all four):
     * the audit id is derived from the topic and the message's bytes, and governance keeps the first event of an id.
     */
    private void reportRejected(String channel, String message, String reason) {
        Caller system = new Caller(service, null, Set.of(), Set.of(), null, service);
        String auditId = rejectionId(topic(channel), message);
        try {
            retryTransient(channel, () -> audit.recordAs(auditId, system, null, REJECTED, service + ":" + channel,
                    reason, "DENIED"));
        } catch (RuntimeException e) {
            LOG.errorf("could not audit a rejected message on %s: %s", channel, e.getMessage());
        }
    }

    static String rejectionId(String topic, String message) {
        return UUID.nameUUIDFromBytes((REJECTED + "\n" + topic + "\n" + message).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String topic(String channel) {
        return ConfigProvider.getConfig().getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                .orElse(channel);
    }
}
