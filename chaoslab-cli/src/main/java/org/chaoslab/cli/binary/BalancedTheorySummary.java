package org.chaoslab.cli.binary;

import org.chaoslab.theory.balanced.BalancedSolution;

/** The JSON form of a balanced mean-field solution (the results of {@code meanfield balanced}). */
public record BalancedTheorySummary(String inputModel, double mE, double mI, double qE, double qI, double alphaE, double alphaI,
                                    double betaE, double betaI, double uE, double uI, boolean balanced, double limitE,
                                    double limitI, String balanceCondition, double distanceStarE, double distanceStarI,
                                    double tauRatioCritical, double tauRatio, boolean stable, int branches,
                                    double[][] allBranches, double scaledDeviationE, double scaledDeviationI) {

    /** The summary of a solution. */
    public static BalancedTheorySummary of(BalancedSolution s) {
        double sk = Math.sqrt(s.network().k());
        return new BalancedTheorySummary(s.inputModel().label(), s.mE(), s.mI(), s.qE(), s.qI(), s.alphaE(), s.alphaI(),
                s.betaE(), s.betaI(), s.uE(), s.uI(), s.balanced(), s.limitE(), s.limitI(), s.balanceMessage(),
                s.distanceFixedPoint(0), s.distanceFixedPoint(1), s.tauRatioCritical(), s.network().tauI() / s.network().tauE(),
                s.stable(), s.branchCount(), s.branches(), (s.mE() - s.limitE()) * sk, (s.mI() - s.limitI()) * sk);
    }
}
