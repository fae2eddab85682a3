package org.chaoslab.cli.explore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The explorer's wire format: JSON text messages, each an object with a {@code "type"}. A browser's message is read
 * strictly ({@link #parse}): a size bound, an object, a known type, only the keys that type has, parameter values as
 * strings or numbers; anything else is a {@link BadMessage} whose text the server answers with an {@code error}
 * message. Outgoing messages are built as maps; non-finite numbers are written as {@code null} (JSON has no NaN).
 */
final class Messages {

    /** The longest message a browser may send, in characters (a full parameter set is about 200). */
    static final int MAX_CHARS = 4096;

    /** Message types a browser sends, with the keys each may have besides "type". */
    static final Map<String, Set<String>> TYPES = Map.of(
            "set", Set.of("params"),
            "reset", Set.of("params"),
            "pause", Set.of(),
            "resume", Set.of(),
            "simulate", Set.of());

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build()).build();

    private Messages() {
    }

    /** A message that does not follow the protocol; its text says how. */
    static final class BadMessage extends Exception {
        private static final long serialVersionUID = 1L;

        BadMessage(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A browser's request.
     *
     * @param type   one of {@link #TYPES}
     * @param params for "set" and "reset": the parameters by name, as text (possibly empty)
     */
    record Request(String type, Map<String, String> params) {
    }

    /** Reads a browser's message. */
    static Request parse(String text) throws BadMessage {
        if (text == null || text.length() > MAX_CHARS) {
            throw new BadMessage("message too long (" + (text == null ? 0 : text.length()) + " characters; at most " + MAX_CHARS + ")");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadMessage("malformed message: not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadMessage("malformed message: a JSON object with a \"type\" is expected");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual() || !TYPES.containsKey(type.asText())) {
            throw new BadMessage("unknown message type " + (type == null ? "(none)" : type.toString())
                    + "; the types are " + String.join(", ", TYPES.keySet().stream().sorted().toList()));
        }
        Set<String> allowed = TYPES.get(type.asText());
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!"type".equals(key) && !allowed.contains(key)) {
                throw new BadMessage("unknown field '" + clip(key) + "' in a \"" + type.asText() + "\" message");
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = root.get("params");
        if (allowed.contains("params")) {
            if (p == null || !p.isObject()) {
                throw new BadMessage("a \"" + type.asText() + "\" message needs \"params\", an object of parameter values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isTextual() && !v.isNumber()) {
                    throw new BadMessage("parameter '" + clip(e.getKey()) + "' must be a string or a number (got " + v.getNodeType()
                            .name().toLowerCase(java.util.Locale.ROOT) + ")");
                }
                params.put(e.getKey(), v.asText());
            }
        }
        return new Request(type.asText(), params);
    }

    /** The JSON text of an outgoing message. */
    static String json(Map<String, ?> message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a message: " + e.getOriginalMessage(), e);
        }
    }

    /** A new outgoing message of a type. */
    static Map<String, Object> message(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    /** The {@code invalid} message: the refused values' messages by field. */
    static String invalid(Map<String, String> errors) {
        Map<String, Object> m = message("invalid");
        m.put("errors", errors);
        return json(m);
    }

    /** The {@code error} message with a text. */
    static String error(String text) {
        Map<String, Object> m = message("error");
        m.put("message", text);
        return json(m);
    }

    /** A number for JSON: null when not finite. */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Numbers for JSON at single precision (what a plot resolves; halves the text), non-finite as null. */
    static List<Float> nums(double[] v, int from, int to) {
        List<Float> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            out.add(Double.isFinite(v[k]) ? (float) v[k] : null);
        }
        return out;
    }

    /** All of {@code v}, as {@link #nums(double[], int, int)}. */
    static List<Float> nums(double[] v) {
        return nums(v, 0, v.length);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
