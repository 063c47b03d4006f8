package org.netgauss.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code netgauss preact ...}: pre-activation experiments of Wolinski &amp; Arbel (2025; spec
 * {@code docs/spec/gaussian-preact.md}) at initialisation: {@code ks} (the 2-layer KS-vs-width experiment, docs/spec/gaussian-preact.md §3a),
 * {@code propagate} (per-layer Gaussianity through a deep network, on x = 1 or an MNIST image), {@code eoc}
 * (edge-of-chaos point of an activation) and {@code correlations} (MNIST class-by-class correlations, docs/spec/gaussian-preact.md §3b).
 */
@Command(name = "preact", mixinStandardHelpOptions = true,
        description = "Pre-activation Gaussianity at initialisation (Wolinski & Arbel 2025): ks, propagate, eoc, correlations.",
        subcommands = {PreactKsCommand.class, PreactPropagateCommand.class, PreactEocCommand.class,
                PreactCorrelationsCommand.class})
final class PreactCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
