package io.wem.signal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest stored (already redacted) transcript text of each interaction: a new batch of the same interaction is
 * redacted with it as context, so a card number cut by a batch boundary is recognised in its second part
 * (cross-batch rule (b), docs/governance.md). Throws on any database failure; the caller then refuses the text.
 */
@ApplicationScoped
public class TranscriptTails {

    @Inject
    DataSource dataSource;

    /**
     * interaction id → its latest stored redacted transcript text, other than the events of this batch (a re-sent
     * event is not its own context); interactions without one are absent.
     */
    public Map<String, String> latest(Collection<String> interactionIds, Collection<String> batchEventIds) {
        Map<String, String> out = new HashMap<>();
        if (interactionIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT ON (interaction_id) interaction_id, "
                     + "redacted_text FROM signal_transcript WHERE interaction_id = ANY(?) "
                     + "AND NOT event_id = ANY(?) ORDER BY interaction_id, occurred_at DESC, received_at DESC, event_id DESC")) {
            ps.setArray(1, c.createArrayOf("text", interactionIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", batchEventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stored end of transcripts: " + e.getMessage(), e);
        }
        return out;
    }
}
