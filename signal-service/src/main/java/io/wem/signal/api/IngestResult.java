package io.wem.signal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many signals of a batch were stored now and how many had been stored before (same eventId). */
@Schema(name = "IngestResult")
public record IngestResult(@Schema(example = "998") int accepted, @Schema(example = "2") int duplicates) {
}
