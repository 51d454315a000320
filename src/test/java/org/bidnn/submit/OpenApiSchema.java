package org.bidnn.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a document against an OpenAPI v3 schema as Kubernetes writes them in CRDs, for the
 * keywords such schemas use: type, format (int32, int64), enum, minimum, required, properties,
 * additionalProperties, items, x-kubernetes-preserve-unknown-fields. Objects with properties and
 * without additionalProperties are closed: an unknown field is an error.
 */
final class OpenApiSchema {

    private OpenApiSchema() {
    }

    /** The errors, each "path: problem"; empty when the document conforms. */
    static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            errors.add(path + ": expected " + type + ", found " + describe(value));
            return;
        }
        String format = schema.path("format").asText("");
        if (format.equals("int32") && value.isIntegralNumber() && !value.canConvertToInt()) {
            errors.add(path + ": " + value + " does not fit int32");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (value.isObject()) {
            for (JsonNode name : schema.path("required")) {
                if (!value.has(name.asText())) {
                    errors.add(path + ": required field '" + name.asText() + "' is missing");
                }
            }
            if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                return;
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), at, errors);
                } else if (additional != null && additional.isObject()) {
                    check(additional, field.getValue(), at, errors);
                } else {
                    errors.add(at + ": unknown field");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalArgumentException("schema type not supported here: " + type);
        };
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}
