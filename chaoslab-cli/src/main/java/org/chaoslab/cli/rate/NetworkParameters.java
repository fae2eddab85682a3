package org.chaoslab.cli.rate;

import org.chaoslab.model.RateNetwork;

/**
 * The network description as written into summaries; {@code inDegree} is K of sparse couplings ({@code --k-in}), 0 for
 * dense ones.
 */
public record NetworkParameters(int n, double g, String phi, double j0, double eta, boolean zeroDiagonal,
                                double input, String noise, String precision, int inDegree) {

    public static NetworkParameters of(RateNetwork net) {
        var c = net.couplings();
        return new NetworkParameters(net.size(), c.g(), net.transfer().name(), c.meanCoupling(), c.symmetry(),
                c.zeroDiagonal(), net.input().mean(), net.input().noise().label(), c.precision().name().toLowerCase(java.util.Locale.ROOT),
                c.inDegree());
    }
}
