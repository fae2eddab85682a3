package org.chaoslab.cli.rate;

import java.util.List;

import org.chaoslab.model.PopulationNetwork;
import org.chaoslab.model.TransferFunction;

/**
 * A multi-population network as written into summaries: the description actually run (gains already multiplied by the
 * gain scale) and the population sizes N_k (units in population order).
 */
public record PopulationParameters(String source, int n, double[] fractions, int[] sizes, double[][] jMean,
                                   double[][] gMatrix, double[] input, List<String> phi, double gainScale) {

    public static PopulationParameters of(PopulationNetwork net, String source, double gainScale) {
        int[] sizes = new int[net.populations()];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = net.populationSize(k);
        }
        return new PopulationParameters(source, net.size(), net.fractions(), sizes, net.meanCouplings(), net.gains(),
                net.inputs(), net.transfers().stream().map(TransferFunction::name).toList(), gainScale);
    }
}
