package io.wem.demo.generator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** JSON of signals as signal-service takes them (ISO-8601 instants), and NDJSON files of them (one per line). */
public final class SignalJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SignalJson() {
    }

    public static String toJson(Signal s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Signal fromJson(String line) {
        try {
            return MAPPER.readValue(line, Signal.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeNdjson(List<Signal> signals, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Signal s : signals) {
                w.write(toJson(s));
                w.write('\n');
            }
        }
    }

    public static List<Signal> readNdjson(Path file) throws IOException {
        List<Signal> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(fromJson(line));
                }
            }
        }
        return out;
    }
}
