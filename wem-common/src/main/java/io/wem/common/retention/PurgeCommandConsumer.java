package io.wem.common.retention;

import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.CompletionStage;
import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.MalformedEventException;
import io.wem.common.events.Topics;
import io.wem.common.messaging.Consumption;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.common.outbox.Outbox;
import io.wem.common.signing.RejectedMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Executes governance's purge commands addressed to this service, one data class at a time, and answers with
 * a {@link PurgeResult} (counts and oldest remaining record) through the outbox in the same transaction.
 * The command must be signed by governance-service, and before deleting anything the service checks it itself:
 * the cutoff may not be newer than the class's {@link RetentionFloors floor}, and the legal holds are asked from
 * governance now ({@link LegalHolds}; a message can add holds, never remove them). Untrusted and malformed
 * commands go to the dead-letter topic; while governance or the database does not answer, the command is retried.
 * A redelivered command is not run twice.
 */
@ApplicationScoped
public class PurgeCommandConsumer {
    private static final Logger LOG = Logger.getLogger(PurgeCommandConsumer.class);
    static final String CHANNEL = "wem-purge-commands";

    @Inject
    Instance<PersonalDataStore> stores;

    @Inject
    Outbox outbox;

    @Inject
    ProcessedEvents processed;

    @Inject
    Consumption consumption;

    @Inject
    LegalHolds legalHolds;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onCommand(Message<String> message) {
        return consumption.signed(CHANNEL, message, EventTypes.PURGE_COMMAND, this::execute);
    }

    void execute(EventEnvelope envelope) {
        PurgeCommand command = envelope.dataAs(PurgeCommand.class);
        if (command.service() == null || command.dataClass() == null || command.cutoff() == null) {
            throw new MalformedEventException("purge command lacks service, dataClass or cutoff");
        }
        if (!service.equals(command.service())) {
            return;
        }
        RetentionFloors.Floor floor = RetentionFloors.of(command.dataClass());
        if (floor == null || !floor.permits(command.cutoff(), clock.instant())) {
            throw new RejectedMessageException("cutoff is newer than the retention floor of the data class");
        }
        List<LegalHoldScope> holds = LegalHolds.union(command.holds(), legalHolds.active());
        purge(envelope.id(), command, holds);
    }

    @Transactional
    void purge(String eventId, PurgeCommand command, List<LegalHoldScope> holds) {
        if (!processed.firstDelivery("purge-commands", eventId)) {
            return;
        }
        PersonalDataStore store = find(command.dataClass());
        PurgeResult result;
        if (store == null) {
            result = new PurgeResult(command.commandId(), service, command.dataClass(), command.cutoff(), 0, 0, null,
                    clock.instant(), "data class not held by " + service);
        } else {
            PersonalDataStore.PurgeOutcome outcome = store.purge(command.cutoff(), holds);
            result = new PurgeResult(command.commandId(), service, command.dataClass(), command.cutoff(),
                    outcome.purged(), outcome.retainedByHold(), store.oldestRecord(), clock.instant(), null);
            LOG.infof("purged %d %s records older than %s (%d kept by legal hold)", outcome.purged(),
                    command.dataClass(), command.cutoff(), outcome.retainedByHold());
        }
        outbox.add(Topics.PURGE_RESULTS, service, EventEnvelope.of(EventTypes.PURGE_RESULT, service, null, result));
    }

    PersonalDataStore find(String dataClass) {
        for (PersonalDataStore s : stores) {
            if (s.dataClass().equals(dataClass)) {
                return s;
            }
        }
        return null;
    }
}
