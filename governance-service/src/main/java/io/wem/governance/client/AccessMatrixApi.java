package io.wem.governance.client;

import io.wem.common.access.ServiceAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Every service's own part of the access matrix (wem-common {@code AccessMatrixResource}). */
@Path("/api/v1/internal/access-matrix")
@Produces(MediaType.APPLICATION_JSON)
public interface AccessMatrixApi {

    @GET
    ServiceAccess.Published published(@HeaderParam("Authorization") String bearer);
}
