package io.wem.wellbeing.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wem.wellbeing.persistence.ConsumerPositionRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** Where the guardrail's "recorded so far" comes from: this replica's own commits first, the stored position else. */
class MonitoringCatchUpTest {

    static final class StoredPositions extends ConsumerPositionRepository {
        Long stored;
        int reads;

        @Override
        public Long next(String consumer, String topic, int partition) {
            reads++;
            return stored;
        }

        @Override
        public void advance(String consumer, String topic, int partition, long nextOffset, Instant now) {
            throw new UnsupportedOperationException();
        }
    }

    static MonitoringCatchUp catchUp(StoredPositions positions) {
        MonitoringCatchUp c = new MonitoringCatchUp();
        c.positions = positions;
        c.topic = "wem.wellbeing.monitoring.v1";
        return c;
    }

    @Test
    void whatThisReplicaCommittedAnswersWithoutTheDatabaseWhenItReachesTheTarget() {
        StoredPositions db = new StoredPositions();
        MonitoringCatchUp c = catchUp(db);
        c.recordedHere(3, 120);
        c.recordedHere(3, 90); // a redelivered older record never moves it back
        assertEquals(120, c.recordedSoFar(3, 120));
        assertEquals(0, db.reads);
    }

    @Test
    void shortOfTheTargetTheStoredPositionIsReadAndTheHigherOneCounts() {
        StoredPositions db = new StoredPositions();
        MonitoringCatchUp c = catchUp(db);
        c.recordedHere(3, 100);
        db.stored = 130L; // another replica recorded further (it owned the partition for a while)
        assertEquals(130, c.recordedSoFar(3, 125));
        db.stored = 80L;
        assertEquals(100, c.recordedSoFar(3, 125));
        assertEquals(2, db.reads);
    }

    @Test
    void aPartitionThisReplicaNeverRecordedIsReadFromTheDatabase() {
        StoredPositions db = new StoredPositions();
        MonitoringCatchUp c = catchUp(db);
        c.recordedHere(1, 500);
        assertNull(c.recordedSoFar(2, 10));
        db.stored = 12L;
        assertEquals(12, c.recordedSoFar(2, 10));
        assertEquals(2, db.reads);
    }
}
