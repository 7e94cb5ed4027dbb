package io.wem.signal.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SignalBatch", description = "Up to 1,000 signals (and at most 1 MB) per request.")
public record SignalBatch(@Schema(required = true, maxItems = 1000) List<Signal> signals) {
}
