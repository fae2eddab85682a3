package org.chaoslab.random;

import java.nio.charset.StandardCharsets;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The project's one seed scheme: a master seed and a path of names ("couplings", "initial",
 * "noise", then indices such as a row or a unit) identify an independent random stream.
 *
 * <p>A child's seed is a hash of its parent's seed and its name, so streams never depend on the order
 * in which they are requested, on how many numbers another stream consumed, or on the thread count:
 * changing the run length never changes the couplings. Generators are xoshiro256++ (Commons RNG),
 * seeded by a SplitMix64 expansion of the 64-bit key; Gaussians use the Ziggurat sampler.
 *
 * <p>Immutable; a provider obtained from {@link #provider()} is not thread-safe and belongs to one user.
 */
public final class StreamSeeds {

    /** Stream name of the coupling matrix (one child per row). */
    public static final String COUPLINGS = "couplings";
    /** Stream name of the initial conditions (one child per replica). */
    public static final String INITIAL = "initial";
    /** Stream name of noise processes (one child per unit and trial). */
    public static final String NOISE = "noise";

    private final long key;
    private final String path;

    private StreamSeeds(long key, String path) {
        this.key = key;
        this.path = path;
    }

    /** The root of the tree for a master seed. */
    public static StreamSeeds of(long masterSeed) {
        return new StreamSeeds(mix(masterSeed ^ 0x6a09e667f3bcc909L), Long.toString(masterSeed));
    }

    /** The child stream with this name. */
    public StreamSeeds child(String name) {
        return new StreamSeeds(mix(key ^ mix(fnv1a(name))), path + "/" + name);
    }

    /** The child stream with this index (e.g. a row, a unit, a replica). */
    public StreamSeeds child(long index) {
        return new StreamSeeds(mix(key + 0x9e3779b97f4a7c15L * (index + 1)), path + "/" + index);
    }

    /** The 64-bit key of this stream. */
    public long key() {
        return key;
    }

    /** The human-readable path, e.g. {@code 1/couplings/17}. */
    public String path() {
        return path;
    }

    /** A fresh generator for this stream; every call returns a generator in the same initial state. */
    public UniformRandomProvider provider() {
        long[] seed = new long[4];
        long s = key;
        for (int i = 0; i < seed.length; i++) {
            s += 0x9e3779b97f4a7c15L;
            seed[i] = mix(s);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(seed);
    }

    /** A standard normal sampler (Ziggurat) over a fresh generator of this stream. */
    public ZigguratSampler.NormalizedGaussian gaussian() {
        return ZigguratSampler.NormalizedGaussian.of(provider());
    }

    @Override
    public String toString() {
        return "StreamSeeds[" + path + "]";
    }

    /** SplitMix64 finalizer (Steele, Lea &amp; Flood 2014): a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
