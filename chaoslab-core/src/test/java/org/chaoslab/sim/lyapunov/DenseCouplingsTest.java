package org.chaoslab.sim.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;

import org.chaoslab.linalg.CouplingMatrix;
import org.chaoslab.linalg.Float32Matrix;
import org.chaoslab.linalg.Float64Matrix;
import org.chaoslab.model.Couplings;
import org.chaoslab.model.ExternalInput;
import org.chaoslab.model.Precision;
import org.chaoslab.model.RateNetwork;
import org.chaoslab.model.TransferFunctions;
import org.chaoslab.sim.ProgressListener;
import org.chaoslab.sim.rate.IntegratorKind;
import org.chaoslab.sim.rate.RealizedRateNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tangent products read the sampled couplings in place (their entries start on a cache line, not at index 0) and
 * give the same spectrum, bit for bit, as from a copy whose entries start at 0: the same arithmetic on the same values.
 */
class DenseCouplingsTest {

    @ParameterizedTest
    @CsvSource({"FLOAT64, FLOAT64", "FLOAT64, FLOAT32", "FLOAT32, FLOAT32", "FLOAT32, FLOAT64"})
    void theSpectrumDoesNotDependOnWhereTheEntriesStart(Precision storage, Precision tangents) {
        int n = 131;   // odd: rows of every alignment, a remainder row in every kernel
        RateNetwork net = new RateNetwork(n, new Couplings(2.0, 0.0, 0.0, false, storage), new TransferFunctions.Tanh(),
                new ExternalInput.Constant(0.1));
        RealizedRateNetwork drawn = RealizedRateNetwork.draw(net, 5, 2);
        CouplingMatrix m = drawn.couplings();
        // in place: the sampler's own arrays, no second N×N copy in the storage's precision
        DenseCouplings inPlace = DenseCouplings.of(m, tangents == Precision.FLOAT32);
        CouplingMatrix fromZero;
        if (m instanceof Float64Matrix f) {
            assertThat(inPlace.j()).isSameAs(f.backing());
            assertThat(inPlace.start()).isEqualTo(f.offset());
            fromZero = new Float64Matrix(n, f.rowMajor());
        } else {
            Float32Matrix f = (Float32Matrix) m;
            if (tangents == Precision.FLOAT32) {
                assertThat(inPlace.j32()).isSameAs(f.backing());
                assertThat(inPlace.start32()).isEqualTo(f.offset());
            }
            fromZero = new Float32Matrix(n, f.rowMajor());
        }
        RealizedRateNetwork copied = new RealizedRateNetwork(net, fromZero, drawn.input(), drawn.seed());
        // windows on the 4-row, panel and dot-product paths alike (k = 9: one full panel and a narrow rest)
        LyapunovSettings s = new LyapunovSettings(0.1, IntegratorKind.EULER, 9, 1.0, new LyapunovSettings.Warmup(5, 5), 10,
                4, 2).withTangentPrecision(tangents);
        LyapunovSpectrum a = LyapunovAnalyzer.spectrum(drawn, s, ProgressListener.NONE);
        LyapunovSpectrum b = LyapunovAnalyzer.spectrum(copied, s, ProgressListener.NONE);
        assertThat(a.exponents()).isEqualTo(b.exponents());
        assertThat(a.exponentSum().value()).isEqualTo(b.exponentSum().value());
    }
}
