package org.chaoslab.linalg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.LAPACK;

/**
 * The facade over BLAS/LAPACK (dev.ludovic.netlib): native OpenBLAS when {@code libblas.so.3} is installed
 * (e.g. {@code apt-get install libopenblas0-pthread}), else a pure-Java BLAS. Set {@code OPENBLAS_NUM_THREADS=1}:
 * chaoslab splits work over threads itself with a fixed partition, so that results do not depend on the thread
 * count.
 *
 * <p><b>Which pure-Java BLAS, and why.</b> netlib's default Java fallback, {@code VectorBLAS}, sums SIMD lanes
 * with {@code reduceLanes(ADD)} (in dot products, {@code gemv("T")} and {@code gemm("T", "N")}, the layout of every
 * hot product here), whose order the Vector API leaves unspecified: the interpreter and the JIT-compiled intrinsic
 * round differently, so the same run changed in its last bits as the JIT warmed up, and with it results depended on
 * the thread count (1.2e-9 in a two-replica exponent). The fallback used here is netlib's scalar {@code Java8BLAS}:
 * plain Java arithmetic, which the language specifies exactly (strict IEEE 754 since Java 17), so interpreted and
 * compiled code give the same bits and results are bit-identical for any thread count with either backend
 * ({@code LyapunovAnalyzerTest}, {@code RateSimulatorTest}). Its LAPACK ({@code F2jLAPACK}) is scalar Java too.
 * The price is speed on large square products (measured here: dgemm at N = 1000 about 3× slower than
 * VectorBLAS; thin products, e.g. a few replicas, alike); native OpenBLAS is faster than both.
 */
public final class Blas {

    /**
     * netlib reports each backend it fails to load as a java.util.logging warning ("dlopen failed" twice on a
     * machine without native BLAS). Which backend is in use is told by {@link #backend()} (in {@code --version}
     * and every summary.json), so those lines are silenced; a strong reference keeps the level set.
     */
    private static final Logger NETLIB_LOG = quiet("dev.ludovic.netlib");

    /**
     * Environment variable choosing the backend: {@code CHAOSLAB_BLAS=java} uses the pure-Java BLAS and LAPACK even
     * where native ones are installed (to reproduce, or test, what a machine without them computes).
     */
    public static final String BACKEND_ENV = "CHAOSLAB_BLAS";
    private static final String JAVA = "java";

    /** netlib's switches that keep it from loading its JNI part (a user's explicit setting is respected). */
    private static final String BLAS_ALLOW_NATIVE = "dev.ludovic.netlib.blas.allowNative";
    private static final String LAPACK_ALLOW_NATIVE = "dev.ludovic.netlib.lapack.allowNative";

    private static final BLAS INSTANCE = choose();

    private static final LAPACK LAPACK_INSTANCE = chooseLapack();

    private Blas() {
    }

    private static Logger quiet(String name) {
        Logger log = Logger.getLogger(name);
        log.setLevel(Level.SEVERE);
        return log;
    }

    private static BLAS choose() {
        if (JAVA.equalsIgnoreCase(System.getenv(BACKEND_ENV))) {
            // as on a machine without native BLAS, whatever is installed
            System.setProperty(BLAS_ALLOW_NATIVE, "false");
            System.setProperty(LAPACK_ALLOW_NATIVE, "false");
            return javaBlas();
        }
        if (!mayLoad("libblas.so.3") && System.getProperty(BLAS_ALLOW_NATIVE) == null) {
            System.setProperty(BLAS_ALLOW_NATIVE, "false");
            return javaBlas();
        }
        try {
            return NativeBLAS.getInstance();
        } catch (Throwable notInstalled) {
            return javaBlas();
        }
    }

    private static LAPACK chooseLapack() {
        if (!mayLoad("liblapack.so.3") && System.getProperty(LAPACK_ALLOW_NATIVE) == null) {
            System.setProperty(LAPACK_ALLOW_NATIVE, "false");
        }
        return LAPACK.getInstance();
    }

    /**
     * Whether a shared library could be found by the dynamic loader. On Linux the loader's cache, LD_LIBRARY_PATH
     * and the usual directories are looked at, so that without native BLAS netlib is not asked to load it (its JNI
     * part would print two "dlopen failed" lines on every start); elsewhere netlib decides.
     */
    static boolean mayLoad(String library) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(List.of(ld.split(":")));
        }
        dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/lib64", "/lib", "/usr/local/lib"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.exists(Path.of(d, library))) {
                return true;
            }
        }
        try {
            byte[] cache = Files.readAllBytes(Path.of("/etc/ld.so.cache"));
            return new String(cache, StandardCharsets.ISO_8859_1).contains(library);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * netlib's scalar Java BLAS; its class is package-private in dev.ludovic.netlib, reached by the documented
     * name (stable across netlib 2.x–3.x).
     */
    private static BLAS javaBlas() {
        try {
            var getInstance = Class.forName("dev.ludovic.netlib.blas.Java8BLAS").getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            return (BLAS) getInstance.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the pure-Java BLAS (dev.ludovic.netlib Java8BLAS) is not available: " + e, e);
        }
    }

    /** The BLAS in use. */
    public static BLAS blas() {
        return INSTANCE;
    }

    /** The LAPACK in use. */
    public static LAPACK lapack() {
        return LAPACK_INSTANCE;
    }

    /** A short description of the active backends, recorded in every run's metadata. */
    public static String backend() {
        return "blas=" + blas().getClass().getSimpleName() + ", lapack=" + lapack().getClass().getSimpleName();
    }

    /** True when the native (JNI) BLAS is in use. */
    public static boolean isNative() {
        return INSTANCE instanceof NativeBLAS;
    }
}
