package org.chaoslab.cli.deep;

import org.chaoslab.theory.deep.SignalPropagation;

/**
 * The mean-field summary printed by {@code deepnet maps --json} (the contract: qStar, cStar, chi1, xiC,
 * xiQ, phase, ...). Infinite or undefined values are written as null.
 *
 * @param qStar            fixed point of the length map (null when it does not exist)
 * @param qStarExists      false when q^l grows without bound
 * @param convergenceDepth layers until |q^l - q*| <= 1e-3 max(q*, q^1) (-1: not within 100000)
 * @param cStar            stable fixed point of the correlation map
 * @param chi1             sigma_w^2 E[phi'(sqrt(q*) z)^2]
 * @param chiC             slope of the correlation map at c*
 * @param xiQ              depth scale of q (Schoenholz et al. 2017)
 * @param xiC              depth scale of c (null = infinite, on the boundary)
 * @param chi2             sigma_w^2 q* E[phi''^2] (null = infinite for kinked phi)
 * @param curvatureStar    asymptotic curvature of a propagated circle in units of its radius (chaotic phase)
 * @param phase            ordered, chaotic, critical or unbounded
 */
public record DeepMapsSummary(String model, String phi, double sigmaW2, double sigmaB2, double keep, double q0,
                              boolean qStarExists, double qStar, int convergenceDepth, double cStar, double chi1, double chiC,
                              double xiQ, double xiC, double chi2, double curvatureStar, String phase, String note) {

    /** The summary of {@code s} for inputs of squared length q0 per component. */
    public static DeepMapsSummary of(SignalPropagation s, double q0) {
        return new DeepMapsSummary("deepnet", s.phi(), s.weightVariance(), s.biasVariance(), s.keepProbability(), q0,
                s.qStarExists(), s.qStar(), s.convergenceDepth(), s.cStar(), s.chi1(), s.chiC(), s.xiQ(), s.xiC(), s.chi2(),
                s.curvatureStar(), s.phase().label(), s.note());
    }
}
