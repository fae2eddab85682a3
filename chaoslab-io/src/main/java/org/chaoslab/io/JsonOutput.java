package org.chaoslab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;

/**
 * JSON summaries: serializes records, maps, lists and arrays as pretty-printed JSON.
 *
 * <ul>
 *   <li>NaN and infinities (of {@code double}, {@code float}, their boxes and primitive arrays) are
 *       written as {@code null}, so the output is always valid JSON.</li>
 *   <li>Doubles are written in their shortest round-trip form; map entries and record components
 *       keep their order.</li>
 *   <li>{@link Path}, {@code java.time} values ({@link java.time.Instant} and so on) and durations
 *       are written as their {@code toString()}, e.g. ISO-8601 for times.</li>
 * </ul>
 *
 * <p>The configured writer and reader are immutable and thread-safe.
 */
public final class JsonOutput {

    private static final ObjectWriter WRITER;
    private static final ObjectReader READER;

    static {
        JsonMapper mapper = createMapper();
        WRITER = mapper.writer(prettyPrinter());
        READER = mapper.reader();
    }

    private JsonOutput() {
    }

    /**
     * Serializes a value to pretty-printed JSON (no trailing newline).
     *
     * @param value a record, map, list, array, string, number or {@link JsonNode}
     * @return the JSON text
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    public static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + describe(value) + " to JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes a value as pretty-printed JSON plus a final newline, UTF-8, atomically.
     *
     * @param file destination
     * @param value the value, as for {@link #toJson(Object)}
     * @throws IllegalArgumentException if the value cannot be serialized (nothing is written then)
     * @throws IOException if writing fails
     */
    public static void write(Path file, Object value) throws IOException {
        String json = toJson(value) + "\n";
        AtomicFiles.write(file, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a JSON file as a tree. Besides strict JSON, the tokens {@code NaN} and {@code Infinity}
     * (written by Python's {@code json} module) are accepted.
     *
     * @param file the file to read
     * @return the root node
     * @throws IOException if the file cannot be read or is not JSON
     */
    public static JsonNode read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return READER.readTree(in);
        }
    }

    /**
     * Reads a JSON file into a type, for instance a record; unknown properties are ignored.
     *
     * @param file the file to read
     * @param type the target type
     * @param <T> the target type
     * @return the value
     * @throws IOException if the file cannot be read or does not match the type
     */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return READER.forType(type).readValue(in);
        }
    }

    /**
     * Converts a value into a JSON tree (with the same rules as {@link #toJson(Object)}), e.g. to add
     * fields to a record's representation before writing it.
     *
     * @param value the value
     * @return its tree
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    public static JsonNode toTree(Object value) {
        try {
            return READER.readTree(toJson(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonMapper createMapper() {
        JsonFactory factory = JsonFactory.builder()
                .addDecorator(new NonFiniteAsNull())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        SimpleModule readable = new SimpleModule("chaoslab-readable")
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
                .addSerializer(TemporalAmount.class, ToStringSerializer.instance);
        return JsonMapper.builder(factory)
                .addModule(readable)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Two-space indentation, {@code "key": value}, arrays on one line. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
