package io.wem.common.messaging;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;

/**
 * Sends through an emitter and returns the broker's acknowledgement as a future, for callers that must not commit
 * what depends on the record (an outbox row's deletion, a consumed offset) before Kafka has it.
 */
public final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    public static CompletableFuture<Void> send(Emitter<String> emitter, Message<String> message) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        emitter.send(message
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    ack.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }
}
