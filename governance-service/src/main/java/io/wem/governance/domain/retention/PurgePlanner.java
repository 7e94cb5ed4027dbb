package io.wem.governance.domain.retention;

import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.contracts.PurgeCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns the policies and the active holds into one purge command per service and data class. */
public final class PurgePlanner {
    private PurgePlanner() {
    }

    public static List<PurgeCommand> plan(List<RetentionPolicy> policies, List<LegalHold> holds, Instant now) {
        List<LegalHoldScope> scopes = holds.stream().filter(LegalHold::active).map(LegalHold::scope).toList();
        List<PurgeCommand> commands = new ArrayList<>();
        for (RetentionPolicy p : policies) {
            String service = p.service() != null ? p.service() : DataClassOwners.serviceOf(p.dataClass());
            if (service == null) {
                continue;
            }
            commands.add(new PurgeCommand(UUID.randomUUID().toString(), service, p.dataClass(),
                    RetentionWindow.parse(p.window()).cutoff(now), scopes, now));
        }
        return commands;
    }
}
