package org.chaoslab.cli.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The sweep's journal, {@code rows.jsonl}: one JSON line per finished task, appended and forced to disk before the
 * task counts as done. A kill at any moment loses at most the line being written, which reading ignores (a last line
 * without its newline); the rows before it are whole. On resume the journal says which tasks are done; the latest line
 * of a task wins (a failed task that succeeds on resume). Non-finite doubles are written as the JSON extension tokens
 * {@code NaN} and {@code Infinity}, which the reader accepts.
 */
public final class SweepJournal implements AutoCloseable {

    /** The journal's file name in the sweep directory. */
    public static final String FILE = "rows.jsonl";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final FileChannel channel;

    private SweepJournal(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens the journal of {@code dir} for appending, cutting a partial last line left by a kill. */
    public static SweepJournal open(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long size = ch.size();
        if (size > 0) {
            byte[] all = Files.readAllBytes(file);
            int end = all.length;
            while (end > 0 && all[end - 1] != '\n') {
                end--;
            }
            if (end != all.length) {
                ch.truncate(end);
            }
        }
        ch.position(ch.size());
        return new SweepJournal(ch);
    }

    /** Appends a row and forces it to disk. */
    public synchronized void append(SweepRow row) throws IOException {
        byte[] line = (JSON.writeValueAsString(toJson(row)) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** The rows of a journal, the latest per task id, in file order of their last appearance; none when missing. */
    public static Map<String, SweepRow> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Map<String, SweepRow> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return rows;
        }
        int lineNo = 0;
        for (String line : text.substring(0, end).split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            SweepRow row;
            try {
                row = fromJson(JSON.readValue(line, Map.class));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ":" + lineNo + ": not a sweep row (" + e.getMessage() + ")", e);
            }
            rows.remove(row.task().id());
            rows.put(row.task().id(), row);
        }
        return rows;
    }

    private static Map<String, Object> toJson(SweepRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        SweepTask t = row.task();
        m.put("id", t.id());
        m.put("point", t.point());
        m.put("realization", t.realization());
        m.put("seed", t.seed());
        m.put("parameters", t.parameters());
        m.put("status", row.status());
        m.put("message", row.message());
        m.put("wallSeconds", row.wallSeconds());
        m.put("results", row.results());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static SweepRow fromJson(Map<String, Object> m) {
        SweepTask task = new SweepTask((String) m.get("id"), ((Number) m.get("point")).intValue(),
                ((Number) m.get("realization")).intValue(), typed((Map<String, Object>) m.get("parameters")),
                ((Number) m.get("seed")).longValue());
        return new SweepRow(task, (String) m.get("status"), (String) m.get("message"),
                typed((Map<String, Object>) m.get("results")), ((Number) m.get("wallSeconds")).doubleValue());
    }

    /** JSON numbers back as the row's types: integers as Long, others as Double. */
    private static Map<String, Object> typed(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Integer || v instanceof Short || v instanceof java.math.BigInteger
                ? Long.valueOf(((Number) v).longValue())
                : v instanceof Float || v instanceof java.math.BigDecimal ? Double.valueOf(((Number) v).doubleValue()) : v));
        return out;
    }

    /** All rows as a list, sorted by point then realization. */
    public static List<SweepRow> sorted(Map<String, SweepRow> rows) {
        List<SweepRow> list = new ArrayList<>(rows.values());
        list.sort(java.util.Comparator.comparingInt((SweepRow r) -> r.task().point()).thenComparingInt(r -> r.task().realization()));
        return list;
    }
}
