package io.wem.common.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Dead letters written by a batch consumer itself, one per bad record: a batch consumer that threw would send its
 * whole batch to the dead-letter topic through the channel's failure strategy, good records included. Each parked
 * record keeps its key and value and says why and where it came from in the headers {@code dead-letter-reason},
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}. One instance per batch.
 */
public final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Emitter<String> emitter;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();

    public DeadLetters(Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void park(ConsumerRecord<String, String> r, String reason) {
        park(r, reason, r.value() == null ? "" : r.value(), false);
    }

    /**
     * Parks {@code value} in place of the record's own value, for consumers whose records may carry text that must
     * not rest on a dead-letter topic (card data): e.g. a copy with the free text removed or redacted. The header
     * {@code dead-letter-value} = {@code replaced} tells an operator it is not the original.
     */
    public void parkReplaced(ConsumerRecord<String, String> r, String reason, String value) {
        park(r, reason, value, true);
    }

    private void park(ConsumerRecord<String, String> r, String reason, String value, boolean replaced) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), reason);
        DeadLetterMonitor.parked(r.topic());
        RecordHeaders headers = new RecordHeaders();
        if (replaced) {
            headers.add("dead-letter-value", bytes("replaced"));
        }
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(r.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(r.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(r.offset())));
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key()).withHeaders(headers).build();
        CompletableFuture<Void> ack = AcknowledgedSend.send(emitter,
                Message.of(value).addMetadata(meta));
        pending.add(ack);
    }

    /**
     * Waits until the broker has every parked record. Call it before returning from the batch: the batch's offsets
     * are committed after that, so a record is never both skipped and missing from the dead-letter topic.
     */
    public void awaitAcknowledged() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking records on the dead-letter topic", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not park records on the dead-letter topic", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
