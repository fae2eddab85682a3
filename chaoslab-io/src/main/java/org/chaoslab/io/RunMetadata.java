package org.chaoslab.io;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and when a run happened, for the JSON summary next to its results.
 *
 * @param chaoslabVersion version of chaoslab that produced the output
 * @param javaVersion Java runtime version, e.g. {@code 25+36-LTS}
 * @param javaVendor Java runtime vendor
 * @param os operating system name, version and architecture
 * @param cores processors available to the JVM
 * @param timestamp start of the run, ISO-8601 in UTC (e.g. {@code 2025-01-31T12:00:00Z})
 * @param extra further facts added by the caller (BLAS backend, thread count, ...), in insertion order
 */
public record RunMetadata(String chaoslabVersion, String javaVersion, String javaVendor, String os, int cores,
                          String timestamp, Map<String, String> extra) {

    /** Copies {@code extra} (null meaning empty) into an unmodifiable, ordered map. */
    public RunMetadata {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra == null ? Map.of() : extra));
    }

    /**
     * Describes the current JVM and machine, stamped with the current time.
     *
     * @param chaoslabVersion the version of chaoslab
     * @return the metadata
     */
    public static RunMetadata capture(String chaoslabVersion) {
        return capture(chaoslabVersion, Clock.systemUTC());
    }

    /**
     * Describes the current JVM and machine, stamped with the given clock's time (to the second).
     *
     * @param chaoslabVersion the version of chaoslab
     * @param clock source of the timestamp
     * @return the metadata
     */
    public static RunMetadata capture(String chaoslabVersion, Clock clock) {
        String os = System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")
                + " (" + System.getProperty("os.arch", "unknown") + ")";
        return new RunMetadata(
                Objects.requireNonNull(chaoslabVersion, "chaoslabVersion"),
                System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown")),
                System.getProperty("java.vendor", "unknown"),
                os.replaceAll("\\s+", " "),
                Runtime.getRuntime().availableProcessors(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
                Map.of());
    }

    /**
     * Returns a copy with one more (or a replaced) entry in {@link #extra()}.
     *
     * @param key the name, e.g. {@code blas}
     * @param value the value
     * @return the extended metadata
     */
    public RunMetadata with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(extra);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new RunMetadata(chaoslabVersion, javaVersion, javaVendor, os, cores, timestamp, more);
    }
}
