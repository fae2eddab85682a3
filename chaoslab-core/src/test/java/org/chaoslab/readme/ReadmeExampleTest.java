package org.chaoslab.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

// README-BEGIN
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RateSimulation;
import org.chaoslab.sim.rate.RateSimulator;
import org.chaoslab.sim.record.RateRecording;
import org.chaoslab.sim.record.RecordingPlan;
import org.chaoslab.sim.record.StandardRecording;
import org.chaoslab.theory.dmft.DmftSolution;
import org.chaoslab.theory.dmft.DmftSolver;

class ReadmeExample {

    static double[] run() {
        // the model: N = 1000 units, g = 2, phi = tanh, couplings J_ij ~ N(0, g^2/N)
        RateNetwork network = RateNetwork.scs(1000, 2.0, new TransferFunctions.Tanh());

        // simulate: dt = 0.1, 100 time units recorded after a transient of 30, master seed 1, RK4
        RateSimulation run = RateSimulation.of(0.1, 100, 30, 1).withIntegrator(IntegratorKind.RK4);
        StandardRecording recording = new StandardRecording(RecordingPlan.defaults(), run.dt(), network.size());
        RateSimulator.run(network, run, recording.recorders(), ProgressListener.NONE);
        RateRecording sim = recording.result();

        // solve the mean-field theory (N -> infinity) of the same description
        DmftSolution theory = new DmftSolver().solve(network);

        // compare
        System.out.printf("<x^2>: simulation %.3f, DMFT %.3f (%s); <phi^2>: %.3f vs %.3f%n",
                sim.meanSquare().value(), theory.delta0(), theory.phase().label(), sim.meanSquareRate(), theory.c0());
        return new double[] {sim.meanSquare().value(), theory.delta0()};
    }
}
// README-END

/** Keeps the README's Java example compiling and running, and identical to the code above. */
class ReadmeExampleTest {

    @Test
    void exampleRunsAndAgrees() {
        double[] r = ReadmeExample.run();
        // one realization at N = 1000, T = 100: realization scatter of <x^2> is ~2% (see ScsTheoryVsSimulationTest), allow 4x
        assertThat(r[0]).isCloseTo(r[1], org.assertj.core.data.Percentage.withPercentage(8));
    }

    @Test
    void readmeShowsExactlyThisCode() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).as("README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("a ```java block in README.md").isTrue();
        String source = Files.readString(root.resolve(
                "chaoslab-core/src/test/java/org/chaoslab/readme/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// README-BEGIN\n") + 16, source.indexOf("// README-END"));
        assertThat(normalize(m.group(1))).isEqualTo(normalize(example));
    }

    private static String normalize(String s) {
        return String.join("\n", List.of(s.strip().split("\\s*\\n\\s*")));
    }
}
