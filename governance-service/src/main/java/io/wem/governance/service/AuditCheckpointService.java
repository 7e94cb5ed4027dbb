package io.wem.governance.service;

import io.quarkus.scheduler.Scheduled;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.governance.domain.audit.AuditChain;
import io.wem.governance.domain.audit.AuditKeys;
import io.wem.governance.domain.audit.AuditRecord;
import io.wem.governance.domain.audit.Checkpoint;
import io.wem.governance.messaging.AuditCheckpointTopic;
import io.wem.governance.persistence.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signed chain-head checkpoints. On a schedule, verifies the entries appended since the last checkpoint and, only if
 * they verify, signs the new head and publishes it (outbox → wem.governance.audit-checkpoints.v1) with a copy in the
 * database. Verify then compares the chain with the newest checkpoint it can read, so removing or rewriting the
 * newest entries no longer goes unnoticed.
 */
@ApplicationScoped
public class AuditCheckpointService {
    private static final Logger LOG = Logger.getLogger(AuditCheckpointService.class);
    /** Stored checkpoints looked at: enough that a few rows with bad signatures cannot hide the good ones. */
    static final int STORED = 20;

    @Inject
    AuditLogRepository repository;

    @Inject
    AuditCheckpointTopic topic;

    @Inject
    Outbox outbox;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Where the newest checkpoint came from, for the verify answer. */
    public record Latest(Checkpoint checkpoint, String source) {
    }

    /**
     * The newest validly signed checkpoint of this chain, from the topic and the database copy (the topic wins a
     * tie).
     */
    public Optional<Latest> latest() {
        String chainId = keying().chainId();
        Optional<Latest> fromTopic = topic.latest(chainId).map(c -> new Latest(c, "topic"));
        Optional<Latest> fromDb = storedCheckpoints().stream()
                .filter(c -> chainId.equals(c.chainId()) && c.signatureValid(keys)).findFirst()
                .map(c -> new Latest(c, "database"));
        return Stream.of(fromTopic, fromDb).flatMap(Optional::stream)
                .max(Comparator.comparingLong((Latest l) -> l.checkpoint().sequence())
                        .thenComparing(l -> "topic".equals(l.source())));
    }

    @Transactional
    List<Checkpoint> storedCheckpoints() {
        return repository.latestCheckpoints(STORED);
    }

    /** Keeps the remembered topic read fresh, so a CISO's verify or export does not wait for Kafka. */
    @Scheduled(every = "${wem.governance.audit.checkpoint-refresh:10s}", identity = "audit-checkpoint-refresh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshTopicCopy() {
        topic.refresh(keying().chainId());
    }

    @Scheduled(every = "${wem.governance.audit.checkpoint-every:5m}", identity = "audit-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        checkpoint();
    }

    /**
     * Publishes a checkpoint of the current head; returns it, or the previous one when nothing new was appended.
     * Not one transaction: the entries are streamed through their own read-only connection.
     */
    public Optional<Checkpoint> checkpoint() {
        Optional<Latest> previous = latest();
        Object[] anchor = anchor();
        long fromSequence = previous.map(l -> l.checkpoint().sequence()).orElse(0L);
        String fromHash = previous.map(l -> l.checkpoint().hash()).orElse(null);
        if (anchor != null && (Long) anchor[0] >= fromSequence) {
            fromSequence = (Long) anchor[0];
            fromHash = (String) anchor[1];
        }
        AuditLogRepository.Keying keying = keying();
        AuditChain.Verifier verifier = new AuditChain.Verifier(fromHash, fromSequence == 0 ? null : fromSequence,
                keys, keying.legacyUntilSequence());
        AuditRecord[] last = new AuditRecord[1];
        repository.streamAfter(fromSequence, r -> {
            verifier.accept(r);
            last[0] = r;
        });
        AuditChain.Verification v = verifier.result();
        if (!v.valid()) {
            // Signing now would vouch for a tampered chain: refuse, loudly, and keep the last good checkpoint.
            LOG.errorf("audit chain broken at sequence %d (%s): no checkpoint signed", v.firstBrokenSequence(),
                    v.reason());
            return Optional.empty();
        }
        if (last[0] == null) {
            return previous.map(Latest::checkpoint);
        }
        return Optional.of(publish(Checkpoint.sign(keying.chainId(), last[0].sequence(), last[0].hash(), clock.instant(), keys)));
    }

    @Transactional
    Checkpoint publish(Checkpoint c) {
        repository.storeCheckpoint(c);
        outbox.add(Topics.AUDIT_CHECKPOINTS, "audit-chain",
                EventEnvelope.of(EventTypes.AUDIT_CHECKPOINT, service, null, c));
        return c;
    }

    @Transactional
    Object[] anchor() {
        return repository.latestAnchor();
    }

    @Transactional
    AuditLogRepository.Keying keying() {
        return repository.keying();
    }
}
