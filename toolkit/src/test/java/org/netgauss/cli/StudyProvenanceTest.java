package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study's recorded command names no folder of the machine that ran it. */
class StudyProvenanceTest {
    private static final Path REPO = Path.of("/home/someone/netgauss");

    @Test
    void resultsUnderTheWorkingDirectoryBecomeRelativeAndOtherAbsoluteFoldersPlaceholders() {
        assertEquals("netgauss study --profile paper --runs <runs> --results results --settings gaussian",
                StudyProvenance.portableCommand("study", List.of("--profile", "paper", "--runs", "/root/.cache/netgauss/runs",
                        "--results", "/home/someone/netgauss/results", "--settings", "gaussian"), REPO));
        assertEquals("netgauss study --runs=<runs> --results=<results>",
                StudyProvenance.portableCommand("study", List.of("--runs=/scratch/r", "--results=/elsewhere/results"), REPO));
        assertEquals("netgauss study --results <results>",
                StudyProvenance.portableCommand("study", List.of("--results", "/home/someone/netgauss"), REPO));
    }

    @Test
    void relativeFoldersAndOtherArgumentsAreKeptQuotedAsAShellNeeds() {
        assertEquals("netgauss study --runs runs --results ../results --commit 'a b'",
                StudyProvenance.portableCommand("study", List.of("study", "--runs", "runs", "--results", "../results",
                        "--commit", "a b"), REPO));
        assertEquals("netgauss study --runs <runs>",
                StudyProvenance.portableCommand("study", List.of("--runs", "/home/someone/netgauss/../x/runs"), REPO));
    }
}
