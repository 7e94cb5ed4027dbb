package io.wem.coaching.rest;

import io.wem.common.audit.Audit;
import io.wem.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records refused access in a transaction of its own: the request's transaction rolls back with the 403, and the
 * audit record of the attempt must survive it.
 */
@ApplicationScoped
public class DeniedAccessAudit {

    @Inject
    Audit audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(Caller caller, String subjectAgentId, String action, String resource) {
        audit.denied(caller, subjectAgentId, action, resource);
    }
}
