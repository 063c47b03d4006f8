/**
 * The papers' experiments as a notebook meets them: the settings of the weight-Gaussianity study of
 * Hirst &amp; Ramgoolam ({@link org.netgauss.study.PigmmStudy}), their sizes in each
 * {@link org.netgauss.study.Profile} ({@link org.netgauss.study.PigmmStudySizes}), where runs and committed results
 * live ({@link org.netgauss.study.Runs}), and the per-checkpoint analyses as records ({@link org.netgauss.study.PigmmTrajectory} of {@link org.netgauss.study.LayerFit}s,
 * {@link org.netgauss.study.DeviationTrajectory} of {@link org.netgauss.study.LayerDeviations}) with tables for display,
 * computed from tables cached beside each run ({@link org.netgauss.study.AnalysisCache}), gathered by {@link org.netgauss.study.PigmmStudyData}.
 *
 * <p>Above the analysis packages (pigmm, invariants) and below the display ({@code notebook}) and the command line
 * ({@code cli}): data flows data → nn → store → analysis → study → notebook/cli.
 */
package org.netgauss.study;
