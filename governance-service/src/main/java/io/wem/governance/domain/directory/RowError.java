package io.wem.governance.domain.directory;

/** A roster line that cannot be imported: its number, the offending field and why. */
public record RowError(int row, String field, String message) {
}
