package org.chaoslab.cli.correlations;

import org.chaoslab.theory.covariance.CovarianceTheory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --mapping}: the covariance theory for nonlinear units or OU noise, shared by the correlation commands. */
public final class MappingOption {

    @Option(names = "--mapping", description = "Theory for nonlinear phi or OU noise: auto, cavity or effective-gain. auto: "
            + "the closed forms for linear phi with white noise, else cavity (the two-site cavity on the noisy DMFT spectra, "
            + "docs/correlations-nonlinear.md); effective-gain: the linear network of radius g<phi'> driven by the noise "
            + "alone (the simple model). Default: ${DEFAULT-VALUE}.", defaultValue = "auto", converter = Converter.class)
    CovarianceTheory.Mapping mapping;

    /** The chosen mapping. */
    public CovarianceTheory.Mapping get() {
        return mapping == null ? CovarianceTheory.Mapping.AUTO : mapping;
    }

    /** Reads the mapping by its label. */
    public static final class Converter implements ITypeConverter<CovarianceTheory.Mapping> {
        @Override
        public CovarianceTheory.Mapping convert(String value) {
            try {
                return CovarianceTheory.Mapping.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
