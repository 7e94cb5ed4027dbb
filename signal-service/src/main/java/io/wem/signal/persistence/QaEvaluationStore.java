package io.wem.signal.persistence;

import io.wem.common.contracts.DataClasses;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Data class qa-evaluation: QA evaluations and automated scores (criteria and checklist). */
@ApplicationScoped
public class QaEvaluationStore extends TableStore {
    static final List<SignalTables.Table> TABLES = List.of(
            new SignalTables.Table("signal_qa_evaluation", "t.agent_id", "t.interaction_id", "occurred_at", null));

    @Override
    public String dataClass() {
        return DataClasses.QA_EVALUATION;
    }

    @Override
    List<SignalTables.Table> tables() {
        return TABLES;
    }
}
