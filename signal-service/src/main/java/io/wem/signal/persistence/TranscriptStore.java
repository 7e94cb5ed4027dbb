package io.wem.signal.persistence;

import io.wem.common.contracts.DataClasses;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Data class transcript: redacted transcript and note text. */
@ApplicationScoped
public class TranscriptStore extends TableStore {
    static final List<SignalTables.Table> TABLES = List.of(
            new SignalTables.Table("signal_transcript", "t.agent_id", "t.interaction_id", "occurred_at", null));

    @Override
    public String dataClass() {
        return DataClasses.TRANSCRIPT;
    }

    @Override
    List<SignalTables.Table> tables() {
        return TABLES;
    }
}
