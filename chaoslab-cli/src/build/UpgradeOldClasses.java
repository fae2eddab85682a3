import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of chaoslab-cli (run by the exec plugin after the shade plugin, as a single-file program on the JDK that
 * runs Maven): rewrites the classes of the shaded jar whose class-file version predates Java 6 (picocli is compiled
 * for Java 5, version 49) as version 52 with stack maps, the same bytecode otherwise.
 *
 * <p>Why: the JVM's ahead-of-time cache (JEP 483, the launcher's start-up cache) skips classes older than version 50
 * ("Old class has been linked"), so picocli's ~170 classes were parsed and verified by the old type-inferencing
 * verifier at every start; archived, {@code chaoslab --version} starts about 40 ms sooner (0.37 s against 0.41 s,
 * docs/benchmarks.md). A class that cannot be rewritten is kept as it was (a warning; the jar works either way).
 *
 * <p>Usage: {@code java UpgradeOldClasses.java JAR} (the jar is replaced atomically).
 */
public final class UpgradeOldClasses {

    /** Class files before this major version have no stack maps and are not archived. */
    private static final int FIRST_WITH_STACK_MAPS = 50;
    /** Java 8: stack maps, no newer constant-pool forms needed. */
    private static final int TARGET = 52;

    private UpgradeOldClasses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeOldClasses.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrade.tmp");
        int failed = 0;
        // supertypes (for the stack maps' merge points) from the jar itself, then the JDK
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             InputStream fin = Files.newInputStream(jar);
             ZipInputStream in = new ZipInputStream(fin);
             OutputStream fout = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(fout)) {
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            ClassTransform version = (builder, element) -> {
                if (element instanceof ClassFileVersion) {
                    builder.withVersion(TARGET, 0);
                } else {
                    builder.with(element);
                }
            };
            // rebuilding every method body is what generates the stack maps
            ClassTransform upgrade = version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/") && major(bytes) > 0
                        && major(bytes) < FIRST_WITH_STACK_MAPS) {
                    try {
                        bytes = cf.transformClass(cf.parse(bytes), upgrade);
                    } catch (RuntimeException e) {
                        failed++;
                        System.err.println("chaoslab build: kept " + entry.getName() + " as it was (" + e.getMessage() + ")");
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (failed > 0) {
            System.err.println("chaoslab build: " + failed + " old classes not upgraded (the start-up cache skips them)");
        }
    }

    /** The class file's major version, or 0 when the bytes are not a class file. */
    private static int major(byte[] b) {
        if (b.length < 8 || (b[0] & 0xff) != 0xCA || (b[1] & 0xff) != 0xFE || (b[2] & 0xff) != 0xBA
                || (b[3] & 0xff) != 0xBE) {
            return 0;
        }
        return ((b[6] & 0xff) << 8) | (b[7] & 0xff);
    }
}
