package io.wem.common.retention;

import io.smallrye.common.annotation.Blocking;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.common.messaging.ProcessedEvents;
import io.wem.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Executes governance's purge commands addressed to this service, one data class at a time, and answers with
 * a {@link PurgeResult} (counts and oldest remaining record) through the outbox in the same transaction.
 * Malformed commands go to the dead-letter topic (channel config); a redelivered command is not run twice.
 */
@ApplicationScoped
public class PurgeCommandConsumer {
    private static final Logger LOG = Logger.getLogger(PurgeCommandConsumer.class);

    @Inject
    Instance<PersonalDataStore> stores;

    @Inject
    Outbox outbox;

    @Inject
    ProcessedEvents processed;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Incoming("wem-purge-commands")
    @Blocking
    @Transactional
    public void onCommand(String message) {
        EventEnvelope envelope = Events.parse(message);
        PurgeCommand command = envelope.dataAs(PurgeCommand.class);
        if (command.service() == null || command.dataClass() == null || command.cutoff() == null) {
            throw new io.wem.common.events.MalformedEventException("purge command lacks service, dataClass or cutoff");
        }
        if (!service.equals(command.service()) || !processed.firstDelivery("purge-commands", envelope.id())) {
            return;
        }
        PersonalDataStore store = find(command.dataClass());
        PurgeResult result;
        if (store == null) {
            result = new PurgeResult(command.commandId(), service, command.dataClass(), command.cutoff(), 0, 0, null,
                    Instant.now(), "data class not held by " + service);
        } else {
            PersonalDataStore.PurgeOutcome outcome = store.purge(command.cutoff(),
                    command.holds() == null ? java.util.List.of() : command.holds());
            result = new PurgeResult(command.commandId(), service, command.dataClass(), command.cutoff(),
                    outcome.purged(), outcome.retainedByHold(), store.oldestRecord(), Instant.now(), null);
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
