package io.wem.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assembles a JSON example of a schema from the examples its fields document; null when a required one lacks it. */
final class Examples {

    private Examples() {
    }

    static Object of(OpenAPI api, Schema schema) {
        return of(api, schema, new HashSet<>());
    }

    private static Object of(OpenAPI api, Schema schema, Set<String> path) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (!path.add(name) || api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return null;
            }
            try {
                return of(api, api.getComponents().getSchemas().get(name), path);
            } finally {
                path.remove(name);
            }
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return of(api, schema.getAllOf().get(0), path);
        }
        if (schema.getItems() != null) {
            Object item = of(api, schema.getItems(), path);
            return item == null ? null : new ArrayList<>(List.of(item));
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> p : properties.entrySet()) {
            Object value = of(api, p.getValue(), path);
            if (value != null) {
                out.put(p.getKey(), value);
            } else if (required.contains(p.getKey())) {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }
}
